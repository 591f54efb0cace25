using System.Data.Common;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>One test's database. Opens stores on it (one per simulated instance) and disposes them all at the end.</summary>
public sealed class TestDatabase(string provider, string location, Func<IEnumerable<SchemaModule>?, IBridgeStore> open, Func<Task>? cleanUp = null) : IAsyncDisposable
{
    private readonly List<IBridgeStore> opened = [];

    public string Provider { get; } = provider;

    /// <summary>The SQLite file path or the Npgsql connection string (for a child process).</summary>
    public string Location { get; } = location;

    /// <summary>A store on this database; <paramref name="modules"/> are the schema modules it migrates beside the engine's tables.</summary>
    public IBridgeStore Open(params SchemaModule[] modules)
    {
        var store = open(modules);
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    /// <summary>Runs SQL on a connection of its own, outside any store: to look at or to age the schema.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row <paramref name="sql"/> returns, as a long (counts, versions).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text (ids, names).</summary>
    public async Task<IReadOnlyList<string>> TextsAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        if (cleanUp is not null)
        {
            await cleanUp();
        }
    }

    private DbConnection Connect() => Provider == "sqlite"
        ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Location};Pooling=False")
        : new Npgsql.NpgsqlConnection(Location);
}
