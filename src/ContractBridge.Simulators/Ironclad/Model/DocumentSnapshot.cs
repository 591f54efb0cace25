namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A workflow document as the control API reports it.</summary>
public sealed record DocumentSnapshot(string Key, string Filename, bool InSignaturePacket, IReadOnlyList<DocumentVersion> Versions);
