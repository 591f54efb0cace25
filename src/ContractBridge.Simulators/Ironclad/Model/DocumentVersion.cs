namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>One version of a workflow document: the draft is version 1, the signed copy the next one.</summary>
public sealed record DocumentVersion(string VersionId, int Number, bool Signed, DateTimeOffset At);
