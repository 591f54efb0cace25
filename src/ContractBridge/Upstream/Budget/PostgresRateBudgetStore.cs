using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// Rate budgets in the engine's PostgreSQL database, shared by every instance. A lease is one statement: an upsert of
/// the bucket's row whose update (under the row's lock, on the row's latest version) drops the slices that no longer
/// count, grants what the rest leave, appends the new slice and returns the log, so racing instances take turns on the
/// row and never both spend the same permit.
/// </summary>
public sealed class PostgresRateBudgetStore(PostgresBridgeStore store) : IRateBudgetStore
{
    private const string Lease = """
        INSERT INTO rate_budget AS b (bucket, slice_at, slice_permits, last_granted)
        VALUES (@bucket, ARRAY[@now::timestamptz], ARRAY[LEAST(@want, @limit)], LEAST(@want, @limit))
        ON CONFLICT (bucket) DO UPDATE SET (slice_at, slice_permits, last_granted) = (
            SELECT
                k.kept_at || CASE WHEN g.granted > 0 THEN ARRAY[@now::timestamptz] ELSE ARRAY[]::timestamptz[] END,
                k.kept_permits || CASE WHEN g.granted > 0 THEN ARRAY[g.granted] ELSE ARRAY[]::integer[] END,
                g.granted
            FROM (
                SELECT COALESCE(array_agg(s.at ORDER BY s.at), ARRAY[]::timestamptz[]) AS kept_at,
                       COALESCE(array_agg(s.permits ORDER BY s.at), ARRAY[]::integer[]) AS kept_permits,
                       COALESCE(sum(s.permits), 0)::integer AS used
                FROM unnest(b.slice_at, b.slice_permits) AS s(at, permits)
                WHERE s.at > @since
            ) AS k
            CROSS JOIN LATERAL (
                SELECT CASE WHEN b.hold_until > @now THEN 0 ELSE GREATEST(0, LEAST(@want, @limit - k.used)) END::integer AS granted
            ) AS g
        )
        RETURNING b.last_granted, b.slice_at, b.slice_permits, b.hold_until;
        """;

    public async Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken)
    {
        await using var lease = store.CreateCommand(Lease);
        lease.Parameters.AddWithValue("bucket", request.Bucket);
        lease.Parameters.AddWithValue("now", DbTime.ToUtcDateTime(request.Now));
        lease.Parameters.AddWithValue("since", DbTime.ToUtcDateTime(request.Since));
        lease.Parameters.AddWithValue("want", request.Want);
        lease.Parameters.AddWithValue("limit", request.Limit);
        await using var reader = await lease.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var granted = reader.GetInt32(0);
        var at = reader.GetFieldValue<DateTime[]>(1);
        var permits = reader.GetFieldValue<int[]>(2);
        DateTimeOffset? holdUntil = reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero);
        var log = at.Select((t, i) => new BudgetSlice(new DateTimeOffset(t, TimeSpan.Zero), permits[i])).ToList();
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
}
