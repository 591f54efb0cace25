namespace ContractBridge.Contracts;

/// <summary>
/// A state a deal's contract took, as the bridge recorded it: reserved (Launching), launched (Created, with its workflow),
/// adopted, or moved on by Ironclad. <paramref name="IroncladUpdatedAt"/> is the workflow's lastUpdated that said so
/// (null while launching); <paramref name="RecordedAt"/> is when the bridge stored it.
/// </summary>
public sealed record ContractStateChange(
    long Id,
    long LeadId,
    string? WorkflowId,
    string? IroncladNumber,
    ContractState State,
    bool Paused,
    DateTimeOffset? IroncladUpdatedAt,
    DateTimeOffset RecordedAt);
