using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// Rate budgets in the engine's SQLite file. A lease is one write on the engine's single writer: trim the bucket's old
/// slices, sum the rest, record the new one. SQLite's write lock makes that atomic across processes on the same file too.
/// </summary>
public sealed class SqliteRateBudgetStore(SqliteBridgeStore store) : IRateBudgetStore
{
    public Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using (var trim = scope.Command("DELETE FROM rate_budget_slices WHERE bucket = @bucket AND granted_at <= @since;"))
            {
                trim.Parameters.AddWithValue("@bucket", request.Bucket);
                trim.Parameters.AddWithValue("@since", DbTime.ToMicroseconds(request.Since));
                trim.ExecuteNonQuery();
            }

            var log = new List<BudgetSlice>();
            using (var read = scope.Command("SELECT granted_at, permits FROM rate_budget_slices WHERE bucket = @bucket ORDER BY granted_at;"))
            {
                read.Parameters.AddWithValue("@bucket", request.Bucket);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    log.Add(new BudgetSlice(DbTime.FromMicroseconds(reader.GetInt64(0)), reader.GetInt32(1)));
                }
            }

            DateTimeOffset? holdUntil = null;
            using (var hold = scope.Command("SELECT hold_until FROM rate_budget WHERE bucket = @bucket;"))
            {
                hold.Parameters.AddWithValue("@bucket", request.Bucket);
                if (hold.ExecuteScalar() is long microseconds)
                {
                    holdUntil = DbTime.FromMicroseconds(microseconds);
                }
            }

            var (_, grant) = SliceLog.Lease(log, holdUntil, request);
            if (grant.Granted > 0)
            {
                using var insert = scope.Command("INSERT INTO rate_budget_slices (bucket, granted_at, permits) VALUES (@bucket, @at, @permits);");
                insert.Parameters.AddWithValue("@bucket", request.Bucket);
                insert.Parameters.AddWithValue("@at", DbTime.ToMicroseconds(request.Now));
                insert.Parameters.AddWithValue("@permits", grant.Granted);
                insert.ExecuteNonQuery();
            }

            return grant;
        }, cancellationToken);

    public Task HoldAsync(string bucket, DateTimeOffset until, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            using var hold = scope.Command("""
                INSERT INTO rate_budget (bucket, hold_until) VALUES (@bucket, @until)
                ON CONFLICT (bucket) DO UPDATE SET hold_until = max(coalesce(hold_until, 0), excluded.hold_until);
                """);
            hold.Parameters.AddWithValue("@bucket", bucket);
            hold.Parameters.AddWithValue("@until", DbTime.ToMicroseconds(until));
            return hold.ExecuteNonQuery();
        }, cancellationToken);
}
