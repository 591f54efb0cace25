using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows.Launch;
using ContractBridge.Flows.Mapping;

namespace ContractBridge.Flows.Preview;

/// <summary>
/// Every problem a preview finds in a deal's launch by a rule, in the launch's order and in its words: a contract
/// already in progress (the launch's "no new … launched" note), a closed deal, the template, each attribute the mapping
/// cannot fill (as `check` and the launch's note name them), and each custom field the mapping reads that Kommo does
/// not define.
/// </summary>
public static class PreviewProblems
{
    public static IReadOnlyList<PreviewProblem> Find(ContractRule rule, ContractLink? existing, LaunchPlan plan, MappingPlan? mappingPlan, CustomFieldNames fields)
    {
        var problems = new List<PreviewProblem>();
        if (existing is not null)
        {
            problems.Add(new(PreviewProblemCodes.AlreadyLinked, null, DealNotes.AlreadyInProgress(rule.Template, existing, null)));
        }

        if (plan.ClosedStage is { } closed)
        {
            problems.Add(new(PreviewProblemCodes.DealClosed, null, DealNotes.NotLaunchedClosed(rule.Template, closed)));
        }

        if (plan is not { Lookup.Template: not null, Mapping: { } mapping })
        {
            problems.Add(new(PreviewProblemCodes.Template, null, plan.Lookup?.Problem ?? $"no Ironclad template is named '{rule.Template}'"));
            return problems;
        }

        problems.AddRange(mapping.Problems.Select(p => new PreviewProblem(PreviewProblemCodes.Of(p.Kind), p.Attribute, p.Message)));
        if (mappingPlan is not null)
        {
            problems.AddRange(CustomFieldNames.TermsOf(mappingPlan)
                .Where(t => fields.Find(t.Term) is null)
                .Select(t => new PreviewProblem(PreviewProblemCodes.UnknownField, t.Attribute, fields.Unknown(t.Term))));
        }

        return problems;
    }

    /// <summary>The deal is in no rule's trigger stage (each rule's stage named, as "msa: 'Send contract' of 'Sales'").</summary>
    public static PreviewProblem NotInRuleStage(string stage, string pipeline, IReadOnlyList<string> ruleStages) =>
        new(PreviewProblemCodes.NotInRuleStage, null, $"the deal is in '{stage}' of '{pipeline}', which is no rule's trigger stage ({(ruleStages.Count == 0 ? "no rules are configured" : string.Join("; ", ruleStages))}); name a rule to preview it anyway");
}
