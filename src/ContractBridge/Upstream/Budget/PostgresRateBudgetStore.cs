using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// Rate budgets in the engine's PostgreSQL database, shared by every instance. A lease is one statement: an upsert of
/// the bucket's row whose update (under the row's lock, on the row's latest version) settles the owner's previous slice,
/// drops the slices that no longer count, grants what the rest leave, appends the new slice and returns the log, so racing instances take turns on the
/// row and never both spend the same permit.
/// </summary>
public sealed class PostgresRateBudgetStore(PostgresBridgeStore store) : IRateBudgetStore
{
    private const string Lease = """
        INSERT INTO rate_budget AS b (bucket, slice_owner, slice_at, slice_permits, slice_until, last_granted)
        VALUES (@bucket, ARRAY[@owner::text], ARRAY[@now::timestamptz], ARRAY[LEAST(@want, @limit)], ARRAY[@until::timestamptz], LEAST(@want, @limit))
        ON CONFLICT (bucket) DO UPDATE SET (slice_owner, slice_at, slice_permits, slice_until, last_granted) = (
            SELECT
                k.kept_owner || CASE WHEN g.granted > 0 THEN ARRAY[@owner::text] ELSE ARRAY[]::text[] END,
                k.kept_at || CASE WHEN g.granted > 0 THEN ARRAY[@now::timestamptz] ELSE ARRAY[]::timestamptz[] END,
                k.kept_permits || CASE WHEN g.granted > 0 THEN ARRAY[g.granted] ELSE ARRAY[]::integer[] END,
                k.kept_until || CASE WHEN g.granted > 0 THEN ARRAY[@until::timestamptz] ELSE ARRAY[]::timestamptz[] END,
                g.granted
            FROM (
                SELECT COALESCE(array_agg(s.owner ORDER BY s.at), ARRAY[]::text[]) AS kept_owner,
                       COALESCE(array_agg(s.at ORDER BY s.at), ARRAY[]::timestamptz[]) AS kept_at,
                       COALESCE(array_agg(s.permits ORDER BY s.at), ARRAY[]::integer[]) AS kept_permits,
                       COALESCE(array_agg(s.until ORDER BY s.at), ARRAY[]::timestamptz[]) AS kept_until,
                       COALESCE(sum(s.permits), 0)::integer AS used
                FROM (
                    -- The owner's previous slice, settled: what it spent, counting until its last call's window ends.
                    SELECT u.owner, u.at,
                           CASE WHEN u.owner = @owner AND u.at = @settle_at THEN LEAST(u.permits, @settle_used) ELSE u.permits END AS permits,
                           CASE WHEN u.owner = @owner AND u.at = @settle_at THEN LEAST(u.until, @settle_until) ELSE u.until END AS until
                    FROM unnest(b.slice_owner, b.slice_at, b.slice_permits, b.slice_until) AS u(owner, at, permits, until)
                ) AS s
                WHERE s.permits > 0 AND s.until > @now
            ) AS k
            CROSS JOIN LATERAL (
                SELECT CASE WHEN b.hold_until > @now THEN 0 ELSE GREATEST(0, LEAST(@want, @limit - k.used)) END::integer AS granted
            ) AS g
        )
        RETURNING b.last_granted, b.slice_owner, b.slice_at, b.slice_permits, b.slice_until, b.hold_until;
        """;

    public async Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken)
    {
        await using var lease = store.CreateCommand(Lease);
        lease.Parameters.AddWithValue("bucket", request.Bucket);
        lease.Parameters.AddWithValue("owner", request.Owner);
        lease.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(request.Now));
        lease.Parameters.AddWithValue("until", DbTime.ToUtcDateTime(request.CountsUntil));
        lease.Parameters.AddWithValue("want", request.Want);
        lease.Parameters.AddWithValue("limit", request.Limit);
        lease.Parameters.Add(new NpgsqlParameter<DateTime?>("settle_at", NpgsqlDbType.TimestampTz) { TypedValue = request.Settle is { } s ? DbTime.ToUtcDateTime(s.GrantedAt) : null });
        lease.Parameters.Add(new NpgsqlParameter<int?>("settle_used", NpgsqlDbType.Integer) { TypedValue = request.Settle?.Used });
        lease.Parameters.Add(new NpgsqlParameter<DateTime?>("settle_until", NpgsqlDbType.TimestampTz) { TypedValue = request.Settle is { } u ? DbTime.ToUtcDateTime(u.CountsUntil) : null });
        await using var reader = await lease.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var granted = reader.GetInt32(0);
        var owners = reader.GetFieldValue<string[]>(1);
        var at = reader.GetFieldValue<DateTime[]>(2);
        var permits = reader.GetFieldValue<int[]>(3);
        var until = reader.GetFieldValue<DateTime[]>(4);
        DateTimeOffset? holdUntil = reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero);
        var log = owners.Select((o, i) => new BudgetSlice(o, Utc(at[i]), permits[i], Utc(until[i]))).ToList();
        var held = holdUntil > request.Now;
        return new BudgetGrant(granted, SliceLog.NextFreeAt(log, holdUntil, request), held ? holdUntil : null);
    }

    public async Task HoldAsync(string bucket, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var hold = store.CreateCommand("""
            INSERT INTO rate_budget AS b (bucket, hold_until) VALUES (@bucket, @until)
            ON CONFLICT (bucket) DO UPDATE SET hold_until = GREATEST(b.hold_until, EXCLUDED.hold_until);
            """);
        hold.Parameters.AddWithValue("bucket", bucket);
        hold.Parameters.AddWithValue("until", DbTime.ToUtcDateTime(until));
        await hold.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset Utc(DateTime instant) => new(instant, TimeSpan.Zero);
}
