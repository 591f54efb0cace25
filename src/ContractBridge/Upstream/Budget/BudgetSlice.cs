namespace ContractBridge.Upstream.Budget;

/// <summary><paramref name="Permits"/> granted to one instance at <paramref name="GrantedAt"/>.</summary>
public readonly record struct BudgetSlice(DateTimeOffset GrantedAt, int Permits);
