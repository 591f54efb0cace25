using System.Globalization;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Flows.Triggers;

/// <summary>
/// What a Kommo webhook means: one launch for each deal that entered a rule's trigger stage (see
/// <see cref="RuleBook.Triggered"/>). A lead appears once even when the body holds it under several actions (status and
/// update), so it is launched once. Other stage changes and deletions become one check each of whether a contract in
/// progress must hear of it (<see cref="RuleBook.MayBeLoss"/>); notes people wrote for legal become relays
/// (<see cref="RuleBook.IsForLegal"/>).
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

        var launches = jobs.Count;
        var checkedLeads = new HashSet<long>();
        foreach (var change in webhook.Leads)
        {
            if (!launched.Contains(change.LeadId) && rules.MayBeLoss(change) && checkedLeads.Add(change.LeadId))
            {
                var transition = change.Action == KommoLeadAction.Delete
                    ? "deleted"
                    : string.Create(CultureInfo.InvariantCulture, $"{change.PipelineId}/{change.StatusId}@{change.LastModified?.ToString(CultureInfo.InvariantCulture) ?? webhook.DedupeKey}");
                jobs.Add(new DealLostRequest(change.LeadId, change.Action == KommoLeadAction.Delete, change.StatusId, change.PipelineId, change.LossReasonId, change.ModifiedUserId, transition).ToJob());
            }
        }

        foreach (var note in webhook.NotesAdded.Where(rules.IsForLegal))
        {
            jobs.Add(new LegalQuestionRequest(note.LeadId, note.NoteId, note.Text, note.CreatedBy).ToJob());
        }

        var summary = Summary(webhook.Leads, launches);
        if (webhook.NotesAdded.Count > 0)
        {
            summary = (webhook.Leads.Count == 0 ? string.Empty : summary + "; ")
                + string.Create(CultureInfo.InvariantCulture, $"{webhook.NotesAdded.Count} note(s) on lead {string.Join(", ", webhook.NotesAdded.Select(n => n.LeadId).Distinct().Take(LeadsInSummary))}");
        }

        return new TriggeredWork(summary, jobs);
    }

    private static string Summary(IReadOnlyList<KommoLeadChange> leads, int launches) =>
        leads.Count == 0
            ? "no lead changes"
            : string.Join(", ", leads.Take(LeadsInSummary).Select(l => string.Create(CultureInfo.InvariantCulture, $"lead {l.LeadId} {ActionName(l)} → stage {l.StatusId}")))
              + (leads.Count > LeadsInSummary ? $" and {leads.Count - LeadsInSummary} more" : string.Empty)
              + (launches > 0 ? $"; {launches} launch(es)" : string.Empty);

    private static string ActionName(KommoLeadChange change) => change.Action.ToString().ToLowerInvariant();
}
