namespace ContractBridge.Contracts;

/// <summary>What a launch learnt, for <see cref="IContractLinkStore.CompleteLaunchAsync"/>.</summary>
/// <param name="LeadId">The reserved lead.</param>
/// <param name="JobId">The launch job that holds the reservation.</param>
/// <param name="WorkflowId">The workflow Ironclad made.</param>
/// <param name="IroncladNumber">Ironclad's human id, "IC-123" (the workflow id when Ironclad gave none).</param>
/// <param name="DealName">The deal's name in Kommo, for people reading the list; null when it was not read.</param>
/// <param name="IroncladUpdatedAt">The workflow's time as launched: state events older than this are stale.</param>
public sealed record LaunchRecord(
    long LeadId,
    long JobId,
    string WorkflowId,
    string IroncladNumber,
    string? DealName,
    DateTimeOffset IroncladUpdatedAt);
