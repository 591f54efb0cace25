namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record TaskView(
    long Id,
    long? EntityId,
    string? EntityType,
    string Text,
    long CompleteTill,
    long TaskTypeId,
    long ResponsibleUserId,
    bool IsCompleted,
    long CreatedAt);
