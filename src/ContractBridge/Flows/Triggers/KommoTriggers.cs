using System.Globalization;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Flows.Triggers;

/// <summary>
/// What a Kommo webhook means: one launch for each deal that entered a rule's trigger stage (see
/// <see cref="RuleBook.Triggered"/>). A lead appears once even when the body holds it under several actions (status and
/// update), so it is launched once.
/// </summary>
public sealed class KommoTriggers(RuleBook rules)
{
    private const int LeadsInSummary = 5;

    public TriggeredWork For(KommoWebhook webhook)
    {
        var jobs = new List<NewJob>();
        var launched = new HashSet<long>();
        foreach (var change in webhook.Leads)
        {
            if (rules.Triggered(change) is { } rule && launched.Add(change.LeadId))
            {
                jobs.Add(new LaunchRequest(change.LeadId, rule.Name, change.PipelineId, change.StatusId, ActionName(change), change.LastModified).ToJob());
            }
        }

        return new TriggeredWork(Summary(webhook.Leads, jobs.Count), jobs);
    }

    private static string Summary(IReadOnlyList<KommoLeadChange> leads, int launches) =>
        leads.Count == 0
            ? "no lead changes"
            : string.Join(", ", leads.Take(LeadsInSummary).Select(l => string.Create(CultureInfo.InvariantCulture, $"lead {l.LeadId} {ActionName(l)} → stage {l.StatusId}")))
              + (leads.Count > LeadsInSummary ? $" and {leads.Count - LeadsInSummary} more" : string.Empty)
              + (launches > 0 ? $"; {launches} launch(es)" : string.Empty);

    private static string ActionName(KommoLeadChange change) => change.Action.ToString().ToLowerInvariant();
}
