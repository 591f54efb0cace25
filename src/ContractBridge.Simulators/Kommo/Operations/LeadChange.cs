namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>What applying a <see cref="LeadPatch"/> did: anything at all, and whether the lead changed stage.</summary>
internal sealed record LeadChange(bool Changed, bool StatusChanged, long OldStatusId, long OldPipelineId);
