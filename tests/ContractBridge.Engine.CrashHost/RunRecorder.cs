using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContractBridge.Engine.CrashHost;

/// <summary>The handler's "side effect": one committed row per run, in the same database, written on its own connection.</summary>
internal sealed class RunRecorder(string location, bool postgres)
{
    public static readonly string CreateTable =
        "CREATE TABLE IF NOT EXISTS crash_runs (job_id bigint NOT NULL, pid integer NOT NULL, attempt integer NOT NULL);";

    public Task CreateTableAsync() => ExecuteAsync(CreateTable, []);

    public Task RecordAsync(long jobId, int attempt) =>
        ExecuteAsync("INSERT INTO crash_runs (job_id, pid, attempt) VALUES (@job, @pid, @attempt);",
            [("job", jobId), ("pid", Environment.ProcessId), ("attempt", attempt)]);

    private async Task ExecuteAsync(string sql, (string Name, object Value)[] parameters)
    {
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(location)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        if (!postgres)
        {
            await using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout = 30000;";
            await busy.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
