using ContractBridge.Engine.Jobs;
using Npgsql;
using NpgsqlTypes;
using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage.Postgres;

/// <summary>Inserts any number of jobs with one statement: the columns travel as arrays and are unnested in order.</summary>
internal static class PostgresJobInserts
{
    public const string Sql = $"""
        INSERT INTO {JobsTable} (kind, key, payload, status, attempts, next_attempt_at, created_at, updated_at, trace_parent, subject)
        SELECT t.kind, t.key, t.payload, '{Pending}', 0, t.due, @now, @now, t.trace_parent, t.subject
        FROM unnest(@kinds, @keys, @payloads, @dues, @trace_parents, @subjects) WITH ORDINALITY AS t(kind, key, payload, due, trace_parent, subject, ord)
        ORDER BY t.ord;
        """;

    public static async Task InsertAsync(PostgresWriteScope scope, IReadOnlyList<NewJob> jobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        await using var command = scope.Command(Sql);
        command.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(now));
        AddArrays(command.Parameters, jobs, now, scope.TraceParent, name => name);
        await command.ExecuteNonQueryAsync(cancellationToken);
        scope.Stored.Add(jobs.Select(j => j.Kind));
    }

    /// <summary>
    /// Adds kinds, keys, payloads, due times, traceparents and subjects (<paramref name="traceParent"/> for jobs without one) as
    /// arrays; <paramref name="name"/> maps names for positional use.
    /// </summary>
    public static void AddArrays(NpgsqlParameterCollection parameters, IReadOnlyList<NewJob> jobs, DateTimeOffset now, string? traceParent, Func<string, string> name)
    {
        parameters.Add(new NpgsqlParameter(name("kinds"), NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = jobs.Select(j => j.Kind).ToArray() });
        parameters.Add(new NpgsqlParameter(name("keys"), NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = jobs.Select(j => j.Key).ToArray() });
        parameters.Add(new NpgsqlParameter(name("payloads"), NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = jobs.Select(j => j.Payload).ToArray() });
        parameters.Add(new NpgsqlParameter(name("dues"), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = jobs.Select(j => DbTime.ToUtcDateTime(j.NotBefore ?? now)).ToArray(),
        });
        parameters.Add(new NpgsqlParameter(name("trace_parents"), NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = jobs.Select(j => j.TraceParent ?? traceParent).ToArray(),
        });
        parameters.Add(new NpgsqlParameter(name("subjects"), NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = jobs.Select(j => j.Subject).ToArray() });
    }
}
