namespace ContractBridge.Configuration;

/// <summary>
/// What is wrong with one rule on its own, whatever the accounts hold: said the same for a configured rule (at start)
/// and for one saved in the dashboard (before it is stored).
/// </summary>
public static class RuleProblems
{
    /// <param name="label">How the messages name the rule: "Rule 0 ('msa')".</param>
    public static IEnumerable<string> Of(ContractRule rule, string label)
    {
        if (rule.StageId <= 0)
        {
            yield return $"{label} has no StageId: the Kommo status id of the 'Send contract' stage.";
        }

        if (string.IsNullOrWhiteSpace(rule.Template))
        {
            yield return $"{label} has no Template name.";
        }

        if (rule.OnSignature.TaskDueDays is < 0 or > 365)
        {
            yield return $"{label}: OnSignature.TaskDueDays must be between 0 and 365.";
        }

        if (rule.Nudge.After < TimeSpan.FromMinutes(1))
        {
            yield return $"{label}: Nudge.After must be at least a minute (it is {rule.Nudge.After}; the default is 5.00:00:00, five days).";
        }

        if (rule.OnExecuted.RenewalTaskDaysBefore is < 0 or > 3650)
        {
            yield return $"{label}: OnExecuted.RenewalTaskDaysBefore must be between 0 (no renewal task) and 3650.";
        }
    }
}
