using Microsoft.Data.Sqlite;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>
/// Commands prepared once on the writer's connection and kept for its lifetime, one of each type. SQLite compiles a
/// statement's text each time a fresh command runs it; the intake's two INSERTs ran once per group commit, hundreds of
/// times a second under a burst, and were compiled as often. Used only on the writer's thread, so nothing is locked.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<Type, IDisposable> _statements = [];

    /// <summary>The kept <typeparamref name="T"/>, made by <paramref name="create"/> the first time.</summary>
    public T Get<T>(Func<SqliteConnection, T> create)
        where T : class, IDisposable
    {
        if (!_statements.TryGetValue(typeof(T), out var statement))
        {
            statement = create(connection);
            _statements.Add(typeof(T), statement);
        }

        return (T)statement;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
    }
}
