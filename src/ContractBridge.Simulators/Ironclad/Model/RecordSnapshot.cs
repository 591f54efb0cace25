using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A contract record as the control API reports it: its dates, status and every event it produced.</summary>
public sealed record RecordSnapshot(
    string Id,
    string IroncladId,
    string Type,
    string Name,
    string WorkflowId,
    DateOnly? ExpirationDate,
    RecordContractStatus ContractStatus,
    DateTimeOffset LastUpdated,
    JsonObject Properties,
    IReadOnlyList<EmittedEvent> Events);
