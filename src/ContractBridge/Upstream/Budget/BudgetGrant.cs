namespace ContractBridge.Upstream.Budget;

/// <summary>What a lease got: <paramref name="Granted"/> permits (0 or more) to spend now.</summary>
/// <param name="NextFreeAt">The earliest instant another lease can grant anything: now while permits are left, else when
/// the oldest slice stops counting, or when the bucket's hold ends.</param>
/// <param name="HoldUntil">The fleet's "slow down until" after a 429, when one is in force.</param>
public sealed record BudgetGrant(int Granted, DateTimeOffset NextFreeAt, DateTimeOffset? HoldUntil);
