using System.Globalization;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows.Launch;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad.Api;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Preview;

/// <summary>
/// A dry run of a deal's launch: reads the deal as a launch does (<see cref="DealReader"/>), finds the rule it would
/// launch by (its stage against the rules' trigger stages, or the rule named), and makes the launch's own decisions
/// (<see cref="LaunchPlanner"/>, every step rather than up to the first refusal), then stops. It writes nothing — no
/// workflow, no note, no job, no row — and reports the attributes that would be sent and every problem, in the words
/// the launch's note or `check` would use.
/// </summary>
public sealed partial class DealPreview(
    DealReader reader,
    LaunchPlanner planner,
    WorkflowLauncher launcher,
    RuleBook rules,
    KommoDirectory directory,
    KommoClient kommo,
    IContractLinkStore links,
    ContractLinks urls,
    ILogger<DealPreview> logger)
{
    /// <param name="ruleName">A rule to preview whatever the deal's stage; null for the rule whose trigger stage the deal is in.</param>
    public async Task<PreviewOutcome> PreviewAsync(long leadId, string? ruleName, CancellationToken cancellationToken)
    {
        ContractRule? named = null;
        if (ruleName is not null && (named = rules.Find(ruleName)) is null)
        {
            return new PreviewOutcome.UnknownRule(ruleName, [.. rules.Rules.Select(r => r.Name)]);
        }

        if (!(await reader.ReadAsync([leadId], cancellationToken)).TryGetValue(leadId, out var deal))
        {
            return new PreviewOutcome.LeadNotFound(leadId);
        }

        var lead = deal.Lead;
        var pipelines = await directory.GetPipelinesAsync(cancellationToken);
        var stage = await directory.StageNameAsync(lead.PipelineId, lead.StatusId, cancellationToken);
        var pipeline = PipelineName(pipelines, lead.PipelineId);
        var report = new DealPreviewReport(lead.Id, lead.Name, urls.Deal(lead.Id), pipeline, stage, null, null, false, null, null, [], []);
        var triggered = rules.Rules.FirstOrDefault(r => r.Matches(lead.PipelineId, lead.StatusId));
        if ((named ?? triggered) is not { } rule)
        {
            var stages = await Task.WhenAll(rules.Rules.Select(async r => $"{r.Name}: '{await directory.StageNameAsync(r.PipelineId, r.StageId, cancellationToken)}' of {(r.PipelineId is { } p ? $"'{PipelineName(pipelines, p)}'" : "any pipeline")}"));
            return Done(report with { Problems = [PreviewProblems.NotInRuleStage(stage, pipeline, stages)] });
        }

        var existing = await links.FindActiveByLeadAsync(leadId, cancellationToken);
        var plan = await planner.PlanAsync(rule, deal, stopAtRefusal: false, cancellationToken);
        report = report with { Rule = rule.Name, TriggerStage = plan.TriggerStage, InRuleStage = rule.Matches(lead.PipelineId, lead.StatusId) };
        if (plan is not { Lookup.Template: { } template, Mapping: { } mapping })
        {
            return Done(report with { Problems = PreviewProblems.Find(rule, existing, plan, null, CustomFieldNames.None) });
        }

        var mappingPlan = launcher.Plan(rule, template);
        var fields = await CustomFieldNames.ReadAsync(kommo, CustomFieldNames.TermsOf(mappingPlan).Select(t => t.Term), cancellationToken);
        return Done(report with
        {
            TemplateName = template.Name,
            TemplateId = template.Id,
            Attributes = [.. mapping.Attributes.Select(a => Attribute(template, a.Key, mapping, fields))],
            Problems = PreviewProblems.Find(rule, existing, plan, mappingPlan, fields),
        });
    }

    private PreviewOutcome.Previewed Done(DealPreviewReport report)
    {
        Log.Previewed(logger, report.LeadId, report.Rule ?? "(none)", report.Problems.Count);
        return new PreviewOutcome.Previewed(report);
    }

    private static PreviewAttribute Attribute(IroncladWorkflowSchema template, string id, MappingResult mapping, CustomFieldNames fields)
    {
        var schema = template.Attributes[id];
        var type = schema.ElementType is { } element ? $"{schema.Type} of {element.Type}" : schema.Type;
        return new PreviewAttribute(id, schema.DisplayName, type, schema.Required, fields.Describe(mapping.Sources[id]), mapping.Attributes[id]?.DeepClone());
    }

    private static string PipelineName(IReadOnlyList<KommoPipeline> pipelines, long id) =>
        pipelines.FirstOrDefault(p => p.Id == id)?.Name ?? string.Create(CultureInfo.InvariantCulture, $"pipeline {id}");

    private static partial class Log
    {
        [LoggerMessage(EventId = 9780, Level = LogLevel.Information, Message = "Lead {LeadId}: previewed by rule {Rule}, {Problems} problem(s); nothing was launched or written")]
        public static partial void Previewed(ILogger logger, long leadId, string rule, int problems);
    }
}
