namespace ContractBridge.Rules;

/// <summary>
/// One version of a stored rule: its number (1 for the first), when and by whom (role and client address), the rule as
/// JSON (null for a deletion), and what changed from the version before.
/// </summary>
public sealed record RuleVersion(string Name, int Version, DateTimeOffset At, string Actor, string? Client, string? RuleJson, string Summary)
{
    public bool Deleted => RuleJson is null;
}
