using System.Globalization;
using Microsoft.Data.Sqlite;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Sqlite;

/// <summary>Brings a SQLite database up to date: the engine's steps, then each module's, in one write.</summary>
internal static class SqliteMigrator
{
    private const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    public static int Migrate(SqliteWriteScope scope, IReadOnlyList<(string Name, SchemaModuleSteps Steps)> modules)
    {
        SqliteConnections.Execute(scope.Connection, $"""
            CREATE TABLE IF NOT EXISTS {SchemaVersionTable} (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """, scope.Transaction);
        SqliteConnections.Execute(scope.Connection, SchemaModules.CreateTable, scope.Transaction);

        var version = Scalar(scope.Connection, scope.Transaction, $"SELECT COALESCE(MAX(version), 0) FROM {SchemaVersionTable};");
        foreach (var step in SqliteMigrations.All.Where(m => m.Version > version).OrderBy(m => m.Version))
        {
            Run(scope, step);
            using var record = scope.Command($"INSERT INTO {SchemaVersionTable} (version, description, applied_at) VALUES (@v, @d, {Now});");
            record.Parameters.AddWithValue("@v", step.Version);
            record.Parameters.AddWithValue("@d", step.Description);
            record.ExecuteNonQuery();
        }

        foreach (var (name, steps) in modules)
        {
            MigrateModule(scope, name, steps);
        }

        return 0;
    }

    /// <summary>The highest engine version applied, 0 before the first migration.</summary>
    public static int EngineVersion(SqliteConnection connection)
    {
        using var exists = SqliteConnections.Command(connection, null, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{SchemaVersionTable}';");
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return 0;
        }

        return Scalar(connection, null, $"SELECT COALESCE(MAX(version), 0) FROM {SchemaVersionTable};");
    }

    private static void MigrateModule(SqliteWriteScope scope, string name, SchemaModuleSteps steps)
    {
        var version = Scalar(scope.Connection, scope.Transaction, SchemaModules.CurrentVersion, name);
        if (version == 0 && steps.HeldVersionSql is { } held)
        {
            version = Scalar(scope.Connection, scope.Transaction, held);
            foreach (var step in steps.Steps.Where(s => s.Version <= version))
            {
                Record(scope, name, step, SchemaModules.Adopted(step));
            }
        }

        foreach (var step in steps.Steps.Where(s => s.Version > version))
        {
            Run(scope, step);
            Record(scope, name, step, step.Description);
        }
    }

    private static void Run(SqliteWriteScope scope, SchemaStep step)
    {
        if (!string.IsNullOrWhiteSpace(step.Sql))
        {
            SqliteConnections.Execute(scope.Connection, step.Sql, scope.Transaction);
        }
    }

    private static void Record(SqliteWriteScope scope, string module, SchemaStep step, string description)
    {
        using var record = scope.Command(SchemaModules.Record(Now));
        record.Parameters.AddWithValue("@module", module);
        record.Parameters.AddWithValue("@version", step.Version);
        record.Parameters.AddWithValue("@description", description);
        record.ExecuteNonQuery();
    }

    private static int Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, string? module = null)
    {
        using var command = SqliteConnections.Command(connection, transaction, sql);
        if (module is not null)
        {
            command.Parameters.AddWithValue("@module", module);
        }

        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
