using ContractBridge.Engine.Jobs;
using Npgsql;

namespace ContractBridge.Engine.Storage.Postgres;

/// <summary>
/// The shared store for several instances. Every operation is one short transaction on a pooled connection; workers
/// claim with <c>FOR UPDATE SKIP LOCKED</c>, so instances never block on each other's jobs. A service keeps its own
/// tables here through <see cref="WriteAsync{T}"/> and <see cref="CreateCommand"/>, and their schema as a
/// <see cref="SchemaModule"/>.
/// </summary>
public sealed partial class PostgresBridgeStore : IBridgeStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly CommittedJobsFeed committed = new();
    private readonly IReadOnlyList<(string Name, SchemaModuleSteps Steps)> modules;

    /// <param name="modules">The services' own tables, created and upgraded by <see cref="MigrateAsync"/> after the engine's.</param>
    public PostgresBridgeStore(string connectionString, IEnumerable<SchemaModule>? modules = null)
    {
        this.modules = SchemaModules.Check(modules, m => m.Postgres);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            // The same few statements run thousands of times: let Npgsql prepare them once per connection.
            builder.MaxAutoPrepare = 32;
        }

        dataSource = NpgsqlDataSource.Create(builder.ToString());
    }

    public string Provider => "postgresql";

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        WriteAsync((scope, token) => PostgresMigrator.MigrateAsync(scope, modules, token), cancellationToken);

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgresMigrator.EngineVersionAsync(connection, cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1;");
            return (int)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public IDisposable ObserveCommittedJobs(IJobsCommittedObserver observer) => committed.Subscribe(observer);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on a pooled connection and commits it; the task completes once
    /// the commit has. Jobs stored through the scope wake this process's workers then; nothing is woken when
    /// <paramref name="work"/> throws or the commit fails (the transaction is rolled back).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<PostgresWriteScope, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var scope = new PostgresWriteScope(connection, transaction, EngineTracing.CurrentTraceParent());
        var result = await work(scope, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        committed.Publish(scope.Stored.Kinds);
        return result;
    }

    /// <summary>
    /// A command on a pooled connection of its own, outside any transaction (each statement commits by itself): for
    /// reads, and for single statements that store no jobs. Writes that store jobs go through <see cref="WriteAsync{T}"/>.
    /// </summary>
    public NpgsqlCommand CreateCommand(string sql) => dataSource.CreateCommand(sql);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
