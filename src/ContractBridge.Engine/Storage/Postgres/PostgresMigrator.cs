using Npgsql;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Postgres;

/// <summary>Brings a PostgreSQL database up to date: the engine's steps, then each module's, in one transaction.</summary>
internal static class PostgresMigrator
{
    private const string Now = """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')""";

    public static async Task<int> MigrateAsync(PostgresWriteScope scope, IReadOnlyList<(string Name, SchemaModuleSteps Steps)> modules, CancellationToken cancellationToken)
    {
        // Taken before anything else: concurrent CREATE TABLE IF NOT EXISTS can still fail on PostgreSQL without it.
        await ExecuteAsync(scope, $"SELECT pg_advisory_xact_lock({PostgresMigrations.LockKey});", cancellationToken);
        await ExecuteAsync(scope, $"""
            CREATE TABLE IF NOT EXISTS {SchemaVersionTable} (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken);
        await ExecuteAsync(scope, SchemaModules.CreateTable, cancellationToken);

        var version = await EngineVersionAsync(scope.Connection, cancellationToken);
        foreach (var step in PostgresMigrations.All.Where(m => m.Version > version).OrderBy(m => m.Version))
        {
            await RunAsync(scope, step, cancellationToken);
            await using var record = scope.Command($"INSERT INTO {SchemaVersionTable} (version, description) VALUES (@v, @d);");
            record.Parameters.AddWithValue("v", step.Version);
            record.Parameters.AddWithValue("d", step.Description);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (name, steps) in modules)
        {
            await MigrateModuleAsync(scope, name, steps, cancellationToken);
        }

        return 0;
    }

    /// <summary>The highest engine version applied, 0 before the first migration.</summary>
    public static async Task<int> EngineVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{SchemaVersionTable}') IS NOT NULL;", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {SchemaVersionTable};", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task MigrateModuleAsync(PostgresWriteScope scope, string name, SchemaModuleSteps steps, CancellationToken cancellationToken)
    {
        int version;
        await using (var current = scope.Command(SchemaModules.CurrentVersion))
        {
            current.Parameters.AddWithValue("module", name);
            version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (version == 0 && steps.HeldVersionSql is { } held)
        {
            await using (var adopt = scope.Command(held))
            {
                version = Convert.ToInt32(await adopt.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (var step in steps.Steps.Where(s => s.Version <= version))
            {
                await RecordAsync(scope, name, step, SchemaModules.Adopted(step), cancellationToken);
            }
        }

        foreach (var step in steps.Steps.Where(s => s.Version > version))
        {
            await RunAsync(scope, step, cancellationToken);
            await RecordAsync(scope, name, step, step.Description, cancellationToken);
        }
    }

    private static async Task RunAsync(PostgresWriteScope scope, SchemaStep step, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(step.Sql))
        {
            await ExecuteAsync(scope, step.Sql, cancellationToken);
        }
    }

    private static async Task RecordAsync(PostgresWriteScope scope, string module, SchemaStep step, string description, CancellationToken cancellationToken)
    {
        await using var record = scope.Command(SchemaModules.Record(Now));
        record.Parameters.AddWithValue("module", module);
        record.Parameters.AddWithValue("version", step.Version);
        record.Parameters.AddWithValue("description", description);
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(PostgresWriteScope scope, string sql, CancellationToken cancellationToken)
    {
        await using var command = scope.Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
