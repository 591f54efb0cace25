namespace ContractBridge.Rules;

/// <summary>The rules made in the dashboard, in the engine's database so that every instance reads the same ones.</summary>
public interface IRuleStore
{
    /// <summary>The id of the newest version of any rule (0 when there is none): a cheap test of whether anything changed.</summary>
    Task<long> LatestChangeAsync(CancellationToken cancellationToken);

    /// <summary>Each rule's current version, deleted rules left out, by name.</summary>
    Task<IReadOnlyList<RuleVersion>> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>The rule's newest version (a deletion too), or null when no rule ever had the name (any case).</summary>
    Task<RuleVersion?> LatestAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every version of the rule, newest first.</summary>
    Task<IReadOnlyList<RuleVersion>> HistoryAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="version"/> if the rule's newest version is still the one before it (0: none); false, and
    /// nothing added, when another save got there first.
    /// </summary>
    Task<bool> AppendAsync(RuleVersion version, CancellationToken cancellationToken);
}
