using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Sync;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Flows.Edits;

/// <summary>
/// An edited contact or company: its deals are read from Kommo (<c>_embedded.leads</c> with <c>with=leads</c>), and
/// each one with an open contract whose rule syncs edits gets an edit sync, due after the usual gathering delay. Whether
/// it is the deal's main contact or company is the sync's to see: a contact that is not the main one maps to no change.
/// </summary>
public sealed class FindEditedDealsHandler(
    KommoClient kommo,
    IContractLinkStore store,
    RuleBook rules,
    IOptions<BridgeOptions> options,
    TimeProvider time) : IJobHandler
{
    public string Kind => JobKinds.FindEditedDeals;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 2);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<FindEditedDealsRequest>(batch, (_, request, ct) => FindAsync(request, ct), cancellationToken);

    private async Task<JobResult> FindAsync(FindEditedDealsRequest request, CancellationToken cancellationToken)
    {
        var path = request.Entity == KommoEntityType.Company ? "companies" : "contacts";
        var due = time.GetUtcNow() + options.Value.Kommo.EditSyncDelay;
        var syncs = new List<NewJob>();
        foreach (var leadId in await kommo.GetLinkedLeadIdsAsync(path, request.Id, cancellationToken))
        {
            var link = await store.FindActiveByLeadAsync(leadId, cancellationToken);
            if (link is { WorkflowId: not null } && link.State != ContractState.Launching && !ContractStateDeriver.IsFinal(link.State)
                && rules.ForLink(link) is { SyncEdits: true })
            {
                syncs.Add(new EditSyncRequest(leadId).ToJob(due));
            }
        }

        return new JobResult.Succeeded(syncs);
    }
}
