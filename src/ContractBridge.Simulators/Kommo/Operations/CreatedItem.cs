namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>One created note or task, as the POST answer lists it.</summary>
internal sealed record CreatedItem(long Id, long? EntityId, string? EntityType, string RequestId);
