using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Jobs;

namespace ContractBridge.Flows.Story;

/// <summary>
/// A deal's story from the bridge's database: its contracts and the states they took, the jobs about it (those stored
/// about its lead, and about its workflows before their lead was known), the events that stored them and what the bridge
/// wrote on the deal in Kommo. Six reads, each on an index, whatever the size of the database: the lead's links, then its
/// states, jobs, events and writes side by side.
/// </summary>
public sealed class DealStory(IContractLinkStore links, ISubjectHistory history, IDealWriteLog writes, ContractLinks urls)
{
    public const int DefaultLimit = 50;

    public async Task<DealStoryPage> ReadAsync(long leadId, DealStoryCursor cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var contracts = await links.ListByLeadAsync(leadId, cancellationToken);
        IReadOnlyCollection<string> subjects =
        [
            JobKinds.LeadKey(leadId),
            .. contracts.Where(l => l.WorkflowId is not null).Select(l => JobKinds.WorkflowKey(l.WorkflowId!)),
        ];

        var states = links.ListStateChangesAsync(leadId, cursor.StatesBefore, limit, cancellationToken);
        var jobs = history.ListJobsBySubjectsAsync(subjects, cursor.JobsBefore, limit, cancellationToken);
        var events = history.ListEventsBySubjectsAsync(subjects, cursor.EventsBefore, limit, cancellationToken);
        var written = writes.ListAsync(leadId, cursor.WritesBefore, limit, cancellationToken);
        await Task.WhenAll(states, jobs, events, written);

        return new DealStoryPage(
            leadId,
            contracts.Select(l => l.DealName).FirstOrDefault(n => n is not null),
            urls.Deal(leadId),
            [.. contracts.Select(l => new DealStoryContract(l, l.WorkflowId is { } workflow ? urls.Workflow(workflow) : null))],
            states.Result,
            [.. jobs.Result.Select(j => new DealStoryJob(j, JobDescriptions.Describe(j.Kind)))],
            events.Result,
            written.Result,
            Next(states.Result, s => s.Id, limit),
            Next(jobs.Result, j => j.Id, limit),
            Next(events.Result, e => e.Id, limit),
            Next(written.Result, w => w.Id, limit));
    }

    private static long? Next<T>(IReadOnlyList<T> page, Func<T, long> id, int limit) => page.Count == limit ? id(page[^1]) : null;
}
