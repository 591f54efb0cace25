using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;

namespace ContractBridge.Flows.Writeback;

/// <summary>
/// The one way any flow asks for a contract fact in the deal's own fields: each method returns the job to store in the
/// same transaction as what made the fact known. A fact whose setting names no field is skipped when the job runs
/// (no Kommo call), so a caller need not look at the configuration; <see cref="Configuration.WritebackOptions.IsEnabled"/>
/// saves the job row when nothing is written back at all.
/// </summary>
public static class WritebackJobs
{
    /// <summary>
    /// At launch: the contract's number and link, and the state the launched workflow is in. A workflow launched
    /// straight into Review records no state change of its own (its lastUpdated is its creation), so this is the only
    /// write that says Review until it moves on.
    /// </summary>
    public static NewJob Launched(long leadId, string contractNumber, string contractUrl, ContractState state) =>
        new WritebackRequest(leadId, contractNumber, contractUrl, state).ToJob();

    /// <summary>
    /// A new state, with the number and link again (a contract linked by its kommoLeadId never had a launch to write
    /// them); <paramref name="signedAt"/> when it was executed.
    /// </summary>
    public static NewJob StateChanged(long leadId, ContractState state, string contractNumber, string contractUrl, DateTimeOffset? signedAt = null) =>
        new WritebackRequest(leadId, contractNumber, contractUrl, state, signedAt).ToJob();

    /// <summary>The moment the contract was signed (executed).</summary>
    public static NewJob SignedDate(long leadId, DateTimeOffset signedAt) => new WritebackRequest(leadId, SignedAt: signedAt).ToJob();

    /// <summary>The day the contract expires, as read from Ironclad's records.</summary>
    public static NewJob ExpirationDate(long leadId, DateOnly expiresOn) => new WritebackRequest(leadId, ExpirationDate: expiresOn).ToJob();
}
