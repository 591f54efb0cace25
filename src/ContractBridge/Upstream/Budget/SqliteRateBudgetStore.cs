using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// Rate budgets in the engine's SQLite file. A lease is one write on the engine's single writer: read the bucket's
/// slices, settle, trim and grant (<see cref="SliceLog"/>), write them back. SQLite's write lock makes that atomic across processes on the same file too.
/// </summary>
public sealed class SqliteRateBudgetStore(SqliteBridgeStore store) : IRateBudgetStore
{
    public Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken) =>
        store.WriteAsync(scope =>
        {
            var log = new List<BudgetSlice>();
            using (var read = scope.Command("SELECT owner, granted_at, permits, counts_until FROM rate_budget_slices WHERE bucket = @bucket ORDER BY granted_at;"))
            {
                read.Parameters.AddWithValue("@bucket", request.Bucket);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    log.Add(new BudgetSlice(reader.GetString(0), DbTime.FromMicroseconds(reader.GetInt64(1)), reader.GetInt32(2), DbTime.FromMicroseconds(reader.GetInt64(3))));
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

            // The log is a handful of rows (at most one per permit), so it is written back whole: settled, trimmed, grown.
            var (kept, grant) = SliceLog.Lease(log, holdUntil, request);
            using (var clear = scope.Command("DELETE FROM rate_budget_slices WHERE bucket = @bucket;"))
            {
                clear.Parameters.AddWithValue("@bucket", request.Bucket);
                clear.ExecuteNonQuery();
            }

            foreach (var slice in kept)
            {
                using var insert = scope.Command("INSERT INTO rate_budget_slices (bucket, owner, granted_at, permits, counts_until) VALUES (@bucket, @owner, @at, @permits, @until);");
                insert.Parameters.AddWithValue("@bucket", request.Bucket);
                insert.Parameters.AddWithValue("@owner", slice.Owner);
                insert.Parameters.AddWithValue("@at", DbTime.ToMicroseconds(slice.GrantedAt));
                insert.Parameters.AddWithValue("@permits", slice.Permits);
                insert.Parameters.AddWithValue("@until", DbTime.ToMicroseconds(slice.CountsUntil));
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
