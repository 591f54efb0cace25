namespace ContractBridge.Rules;

/// <summary>What a save or a delete came to; only <see cref="Saved"/> changed anything.</summary>
public abstract record RuleSaveOutcome
{
    private RuleSaveOutcome()
    {
    }

    public sealed record Saved(RuleVersion Version) : RuleSaveOutcome;

    /// <summary>The rule fails validation: every problem, as the form lists them (400).</summary>
    public sealed record Invalid(IReadOnlyList<string> Problems) : RuleSaveOutcome;

    /// <summary>Saved against a version that is no longer the newest, or a new rule whose name is taken (409).</summary>
    public sealed record Conflict(string Message) : RuleSaveOutcome;

    /// <summary>The name is a configured rule's (409: configuration, not the dashboard, changes it).</summary>
    public sealed record ReadOnly(string Message) : RuleSaveOutcome;

    public sealed record NotFound(string Message) : RuleSaveOutcome;
}
