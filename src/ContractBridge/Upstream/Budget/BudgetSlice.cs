namespace ContractBridge.Upstream.Budget;

/// <summary>
/// <paramref name="Permits"/> granted to one limiter (<paramref name="Owner"/>) at <paramref name="GrantedAt"/>, which count
/// against the fleet until <paramref name="CountsUntil"/>: at first the whole span, sooner once the owner settles the
/// slice with when it sent its last call (see <see cref="SettledSlice"/>).
/// </summary>
public readonly record struct BudgetSlice(string Owner, DateTimeOffset GrantedAt, int Permits, DateTimeOffset CountsUntil);
