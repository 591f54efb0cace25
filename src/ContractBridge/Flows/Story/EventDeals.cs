using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows.Story;

/// <summary>
/// The recent events with the deals they concern, for the overview: through their jobs' subjects, a workflow's by its
/// contract link. Four reads for the whole list, each on an index (the events, their jobs' subjects, the workflows'
/// links, the leads' links), never one per event.
/// </summary>
public sealed class EventDeals(IEventStore events, ISubjectHistory history, IContractLinkStore links)
{
    public async Task<IReadOnlyList<EventWithDeals>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        var recent = await events.ListRecentEventsAsync(limit, cancellationToken);
        if (recent.Count == 0)
        {
            return [];
        }

        var subjects = (await history.ListEventSubjectsAsync([.. recent.Select(e => e.Id)], cancellationToken))
            .Select(s => (s.EventId, Subject: DealSubject.Parse(s.Subject)))
            .Where(s => s.Subject is not null)
            .Select(s => (s.EventId, Subject: s.Subject!.Value))
            .ToList();
        var workflows = subjects.Where(s => s.Subject.WorkflowId is not null).Select(s => s.Subject.WorkflowId!).Distinct().ToList();
        var byWorkflow = workflows.Count == 0
            ? new Dictionary<string, ContractLink>()
            : await links.FindByWorkflowsAsync(workflows, cancellationToken);

        var leadsByEvent = subjects
            .Select(s => (s.EventId, LeadId: s.Subject.LeadId ?? (byWorkflow.TryGetValue(s.Subject.WorkflowId!, out var link) ? link.LeadId : (long?)null)))
            .Where(s => s.LeadId is not null)
            .GroupBy(s => s.EventId, s => s.LeadId!.Value)
            .ToDictionary(g => g.Key, g => g.Distinct().Order().ToList());
        var leadIds = leadsByEvent.Values.SelectMany(l => l).Distinct().ToList();
        var names = leadIds.Count == 0
            ? new Dictionary<long, ContractLink>()
            : await links.FindLatestByLeadsAsync(leadIds, cancellationToken);

        return
        [
            .. recent.Select(e => new EventWithDeals(e, leadsByEvent.TryGetValue(e.Id, out var leads)
                ? [.. leads.Select(lead => new DealRef(lead, names.TryGetValue(lead, out var link) ? link.DealName : null))]
                : [])),
        ];
    }
}
