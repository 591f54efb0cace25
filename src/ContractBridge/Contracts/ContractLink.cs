namespace ContractBridge.Contracts;

/// <summary>
/// A deal ↔ contract link. At most one link per lead is active (state other than Cancelled): the database enforces it.
/// </summary>
/// <param name="WorkflowId">Null while <see cref="State"/> is Launching and Ironclad has not answered yet.</param>
/// <param name="IroncladNumber">Ironclad's human id, "IC-123".</param>
/// <param name="IroncladUpdatedAt">The workflow's lastUpdated of the last state applied: older events are stale.</param>
/// <param name="Paused">Ironclad status "paused": shown, but it changes nothing on the deal.</param>
/// <param name="LaunchJobId">The job that reserved the lead, so a re-run of that same job can tell its own reservation.</param>
/// <param name="DealName">The deal's name in Kommo when the contract was launched, for people reading the list; null
/// for a link made before names were kept, or adopted from a workflow launched elsewhere.</param>
public sealed record ContractLink(
    long LeadId,
    string? WorkflowId,
    string? IroncladNumber,
    string TemplateName,
    string RuleName,
    ContractState State,
    bool Paused,
    DateTimeOffset? IroncladUpdatedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? LaunchJobId,
    string? DealName = null);
