using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Launch;

/// <summary>
/// The launch's ledger of deal ↔ contract links, and every store call a launch makes: a lead is reserved in the database
/// before Ironclad is called, so at most one launch per deal is under way; the reservation is filled in with the
/// workflow once launched, or dropped when the launch gives up, so moving the deal again retries. A launch refused for
/// a reason a person must fix is remembered (<see cref="LaunchRefusal"/>), so the Kommo-side reconciler notes it once.
/// </summary>
public sealed class LaunchReservations(IContractLinkStore store, ILaunchRefusalStore refusals, IJobStore jobs, TimeProvider time)
{
    /// <summary>Reserves the job's lead for its rule, taking over a reservation whose launch ended without finishing.</summary>
    public async Task<LaunchReservation> ReserveAsync(Job job, LaunchRequest request, ContractRule rule, CancellationToken cancellationToken)
    {
        if (await CancelledSinceEntryAsync(request, cancellationToken) is { } cancelled)
        {
            return new LaunchReservation.AnsweredBeforeCancellation(cancelled);
        }

        var now = time.GetUtcNow();
        var reservation = await store.ReserveAsync(request.LeadId, templateName: rule.Template, ruleName: rule.Name, jobId: job.Id, now, cancellationToken);
        var searchFirst = job.Attempt > 1;
        if (reservation.Status == ReservationStatus.ActiveContractExists && await IsAbandonedAsync(reservation.Link, cancellationToken))
        {
            // A launch that ended without finishing (dead-lettered) left its reservation: this trigger takes over,
            // and looks in Ironclad first in case that launch did reach Ironclad.
            await store.ReleaseReservationAsync(request.LeadId, reservation.Link.LaunchJobId!.Value, cancellationToken);
            reservation = await store.ReserveAsync(request.LeadId, templateName: rule.Template, ruleName: rule.Name, jobId: job.Id, now, cancellationToken);
            searchFirst = true;
        }

        return reservation.Status switch
        {
            ReservationStatus.ActiveContractExists => new LaunchReservation.AlreadyActive(reservation.Link),
            ReservationStatus.ReservedByThisJob when reservation.Link.State != ContractState.Launching => new LaunchReservation.AlreadyRecorded(),
            // This job reserved the lead on an earlier run and recorded no launch: that run may have reached Ironclad.
            ReservationStatus.ReservedByThisJob => new LaunchReservation.Reserved(SearchFirst: true),
            _ => new LaunchReservation.Reserved(searchFirst),
        };
    }

    /// <summary>Drops the work's reservation (the launch failed for good), so moving the deal again retries.</summary>
    public Task ReleaseAsync(LaunchWork work, CancellationToken cancellationToken) =>
        store.ReleaseReservationAsync(work.LeadId, work.Job.Id, cancellationToken);

    /// <summary>
    /// The launch gave up for a reason a person must fix: remembers the refusal with the deal's updated_at as the launch
    /// read it, then drops the reservation. In that order: a crash between the two leaves a reservation the job's re-run
    /// takes back, never a released deal with no refusal that the reconciler would launch (and note) again.
    /// </summary>
    public async Task RefuseAsync(LaunchWork work, long? leadUpdatedAt, CancellationToken cancellationToken)
    {
        await refusals.RecordAsync(new LaunchRefusal(work.LeadId, work.Rule.Name, leadUpdatedAt, time.GetUtcNow()), cancellationToken);
        await ReleaseAsync(work, cancellationToken);
    }

    /// <summary>
    /// Fills the work's reservation in with the launched workflow, and stores <paramref name="followUps"/> in the same
    /// transaction (their workers wake when it commits).
    /// </summary>
    public Task RecordLaunchAsync(LaunchWork work, IroncladWorkflow workflow, string ironcladNumber, string? dealName, IReadOnlyList<NewJob> followUps, CancellationToken cancellationToken) =>
        // The link says "created", true as of the workflow's creation: a workflow found again after a lost answer
        // may have moved on since, and the sync that follows (events met "launching" and were dropped) applies that.
        store.CompleteLaunchAsync(
            new LaunchRecord(
                LeadId: work.LeadId,
                JobId: work.Job.Id,
                WorkflowId: workflow.Id,
                IroncladNumber: ironcladNumber,
                DealName: dealName,
                IroncladUpdatedAt: workflow.Created ?? workflow.LastUpdated ?? time.GetUtcNow()),
            followUps,
            time.GetUtcNow(),
            cancellationToken);

    /// <summary>The lead's active link (a contract, or a launch under way), if any.</summary>
    public Task<ContractLink?> FindActiveAsync(long leadId, CancellationToken cancellationToken) =>
        store.FindActiveByLeadAsync(leadId, cancellationToken);

    /// <summary>
    /// The deal's latest contract, when it was cancelled no earlier than the request's stage entry (in whole seconds, as
    /// Kommo counts and as the reconciler decides, <see cref="Reconcile.StageDealDecision"/>): that contract answered the
    /// entry. Only requests that know their entry are checked; the reconciler made the same decision before it asked.
    /// </summary>
    private async Task<ContractLink?> CancelledSinceEntryAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        if (request.EnteredAt is not { } entered || request.Trigger == LaunchRequest.ReconcilerTrigger)
        {
            return null;
        }

        var latest = (await store.FindLatestByLeadsAsync([request.LeadId], cancellationToken)).GetValueOrDefault(request.LeadId);
        return latest is { State: ContractState.Cancelled } && entered <= Reconcile.StageDealDecision.CancelledAt(latest).ToUnixTimeSeconds() ? latest : null;
    }

    private async Task<bool> IsAbandonedAsync(ContractLink link, CancellationToken cancellationToken)
    {
        if (link.State != ContractState.Launching || link.LaunchJobId is not { } owner)
        {
            return false;
        }

        var ownerJob = await jobs.GetAsync(owner, cancellationToken);
        return ownerJob is null || ownerJob.Status is JobStatus.Dead or JobStatus.Succeeded;
    }
}
