using ContractBridge.Engine.Storage;

namespace ContractBridge.Upstream.Budget;

/// <summary>
/// The fleet's rate budgets, as a schema module of the engine's database. SQLite keeps a bucket's slices as rows (its
/// single writer makes "trim, sum, insert" atomic); PostgreSQL keeps them as arrays in the bucket's row, so one
/// statement, under that row's lock, reads the log, grants and writes it back.
/// </summary>
public static class RateBudgetSchema
{
    public const string Name = "rate-budget";

    public static readonly SchemaModule Module = new(
        Name,
        new SchemaModuleSteps(
            [
                new(1, "rate budget: one row per upstream bucket, its granted slices beside it", """
                    CREATE TABLE rate_budget (
                        bucket TEXT PRIMARY KEY,
                        hold_until INTEGER
                    );
                    CREATE TABLE rate_budget_slices (
                        bucket TEXT NOT NULL,
                        granted_at INTEGER NOT NULL,
                        permits INTEGER NOT NULL
                    );
                    CREATE INDEX rate_budget_slices_by_bucket ON rate_budget_slices (bucket, granted_at);
                    """),
            ]),
        new SchemaModuleSteps(
            [
                new(1, "rate budget: one row per upstream bucket, its granted slices in it", """
                    CREATE TABLE rate_budget (
                        bucket text PRIMARY KEY,
                        slice_at timestamptz[] NOT NULL DEFAULT '{}',
                        slice_permits integer[] NOT NULL DEFAULT '{}',
                        hold_until timestamptz,
                        -- What the last lease granted, for its RETURNING: the row is locked until that statement ends.
                        last_granted integer NOT NULL DEFAULT 0
                    );
                    """),
            ]));
}
