using Npgsql;

namespace ContractBridge.Chaos.Infrastructure;

/// <summary>A fresh database on the given PostgreSQL server for one run, dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The variable scripts/test.sh sets to its throwaway cluster; the CI tests read it.</summary>
    public const string TestVariable = "CONTRACTBRIDGE_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _name;

    private PostgresDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The server to use: the given connection string, else <see cref="TestVariable"/>; a clear error when neither is set.</summary>
    public static string ResolveServer(string? given)
    {
        var server = string.IsNullOrWhiteSpace(given) ? Environment.GetEnvironmentVariable(TestVariable) : given;
        return string.IsNullOrWhiteSpace(server)
            ? throw new InvalidOperationException(
                $"This run needs a PostgreSQL server and none was given: pass --postgres <connection string>, or set {TestVariable} " +
                "(bash scripts/test.sh starts a throwaway cluster and sets it), e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres.")
            : server;
    }

    public static async Task<PostgresDatabase> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var name = $"cb_chaos_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name};", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ToString();
        return new PostgresDatabase(server, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE);", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
