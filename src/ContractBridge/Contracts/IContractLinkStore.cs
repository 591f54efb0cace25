using ContractBridge.Engine.Jobs;

namespace ContractBridge.Contracts;

/// <summary>
/// Deal ↔ contract links, kept by the service in the engine's database. Changes that must be followed by actions store
/// those actions (jobs) in the same transaction; the jobs' workers are woken when it commits.
/// </summary>
public interface IContractLinkStore
{
    /// <summary>
    /// Reserves <paramref name="leadId"/> for a launch by job <paramref name="jobId"/> (state Launching). When an active link
    /// exists the outcome carries it: either this job's own earlier reservation (a re-run) or somebody else's contract.
    /// </summary>
    Task<ReservationOutcome> ReserveAsync(long leadId, string templateName, string ruleName, long jobId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Fills in the launched workflow (state Created, unless a state event already moved it on) and the deal's name, and stores
    /// <paramref name="followUps"/>, in one transaction. Throws <see cref="InvalidOperationException"/> when the launch's
    /// job holds no active reservation of its lead.
    /// </summary>
    Task CompleteLaunchAsync(LaunchRecord launch, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Drops a Launching reservation of <paramref name="jobId"/> (the launch failed for good), so moving the deal again retries.</summary>
    Task ReleaseReservationAsync(long leadId, long jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a link for a workflow launched elsewhere (recovered from its kommoLeadId attribute). Returns the link for that
    /// workflow (new, or already there); when the lead is taken, by another active contract or by a launch still under way
    /// (Launching: that launch records its own answer and note), returns the lead's link and stores nothing.
    /// </summary>
    Task<ContractLink> AdoptAsync(ContractLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a state read from Ironclad when it is newer than what is stored (by <paramref name="ironcladUpdatedAt"/>), and
    /// stores <paramref name="followUps"/> in the same transaction. Returns the link as it was before, or null when nothing
    /// changed or the workflow is unknown. "Nothing changed" is an older or equal lastUpdated (stale, repeated), or a newer
    /// one with the same state and pause: that only advances the stored lastUpdated, and the follow-ups are not stored, so
    /// one state seen twice never doubles the actions on the deal.
    /// </summary>
    Task<ContractLink?> ApplyStateAsync(string workflowId, ContractState state, bool paused, DateTimeOffset ironcladUpdatedAt, IReadOnlyList<NewJob> followUps, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ContractLink?> FindActiveByLeadAsync(long leadId, CancellationToken cancellationToken);

    Task<ContractLink?> FindByWorkflowAsync(string workflowId, CancellationToken cancellationToken);

    /// <summary>
    /// The newest link of each of these leads, whatever its state (a cancelled contract included); leads without any are
    /// absent. What the Kommo-side reconciler asks of the deals it found in a trigger stage.
    /// </summary>
    Task<IReadOnlyDictionary<long, ContractLink>> FindLatestByLeadsAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ContractLink>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Links the reconciler must watch: launched (workflow known) and neither executed nor cancelled.</summary>
    Task<IReadOnlyList<ContractLink>> ListOpenAsync(CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<ContractState, long>> CountByStateAsync(CancellationToken cancellationToken);

    /// <summary>Every link of the lead, newest first, a cancelled contract included: the contracts of a deal's story.</summary>
    Task<IReadOnlyList<ContractLink>> ListByLeadAsync(long leadId, CancellationToken cancellationToken);

    /// <summary>The links of these workflows, by workflow id; workflows without one are absent. One read, however many.</summary>
    Task<IReadOnlyDictionary<string, ContractLink>> FindByWorkflowsAsync(IReadOnlyCollection<string> workflowIds, CancellationToken cancellationToken);

    /// <summary>
    /// The states the lead's contracts took, newest first, a page at a time: those with an id below <paramref name="beforeId"/>
    /// (<see cref="long.MaxValue"/> for the first page).
    /// </summary>
    Task<IReadOnlyList<ContractStateChange>> ListStateChangesAsync(long leadId, long beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Links whose lead id is <paramref name="query"/>, then those whose IC number, then deal name, begins with it
    /// (<see cref="ContractLinkSearch"/>), each once, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<ContractLink>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// A page of <see cref="SearchAsync"/>'s links, in its order, resuming after <paramref name="after"/> (null: the first
    /// page); each page reads from the three indexes where the last one stopped, however deep it is.
    /// </summary>
    Task<ContractSearchPage> SearchPageAsync(string query, ContractSearchCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>The newest links with an id below <paramref name="beforeId"/> (<see cref="long.MaxValue"/>: the newest), on the primary key.</summary>
    Task<ContractListPage> ListPageAsync(long beforeId, int limit, CancellationToken cancellationToken);
}
