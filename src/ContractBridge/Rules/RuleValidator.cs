using System.Text.RegularExpressions;
using ContractBridge.Cli.Check;
using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Upstream;

namespace ContractBridge.Rules;

/// <summary>
/// What keeps a rule from being saved: what the service refuses to start with (<see cref="RuleProblems"/>), a name
/// or a trigger another rule already has, and every failure `check` would report of it against the live accounts
/// (<see cref="KommoAccountChecks.CheckRule"/>, <see cref="IroncladTemplateChecks.CheckRuleAsync"/>: the same code).
/// </summary>
public sealed partial class RuleValidator(KommoDirectory directory, TemplateCatalog catalog)
{
    public const int LongestName = 64;

    /// <param name="others">The other rules in force (the rule's own earlier version left out).</param>
    public async Task<IReadOnlyList<string>> ProblemsAsync(ContractRule rule, IEnumerable<ContractRule> others, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!NamePattern().IsMatch(rule.Name) || rule.Name is "." or "..")
        {
            problems.Add($"The name must be 1 to {LongestName} letters, digits, '-', '_' or '.' (it is '{rule.Name}').");
        }
        else if (string.Equals(rule.Name, "new", StringComparison.OrdinalIgnoreCase))
        {
            // /rules/new is the form for a new rule, so a rule by that name could never be opened.
            problems.Add("The name 'new' is taken by the new-rule page: choose another.");
        }

        problems.AddRange(RuleProblems.Of(rule, $"Rule '{rule.Name}'"));
        foreach (var other in others.Where(o => o.PipelineId == rule.PipelineId && o.StageId == rule.StageId))
        {
            problems.Add($"Rule '{other.Name}' already triggers on this pipeline and stage ({rule.PipelineId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}/{rule.StageId}).");
        }

        if (rule.StageId <= 0 || string.IsNullOrWhiteSpace(rule.Template))
        {
            return problems;
        }

        List<CheckResult> results = [];
        try
        {
            results.AddRange(KommoAccountChecks.CheckRule(rule, await directory.GetPipelinesAsync(cancellationToken)));
        }
        catch (UpstreamException ex)
        {
            problems.Add($"Kommo's pipelines could not be read to check the stages: {ex.Message}");
        }

        try
        {
            results.AddRange(await new IroncladTemplateChecks(catalog, [rule]).CheckRuleAsync(rule, cancellationToken));
        }
        catch (UpstreamException ex)
        {
            problems.Add($"Ironclad's templates could not be read to check the template and mapping: {ex.Message}");
        }

        problems.AddRange(results.Where(r => r.Outcome == CheckOutcome.Fail).Select(r => $"{r.Area}: {r.Check}: {r.Detail}"));
        return problems;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
