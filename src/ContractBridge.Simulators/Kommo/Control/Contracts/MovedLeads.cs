namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>The leads a move actually moved (leads already in the stage are left out).</summary>
public sealed record MovedLeads(IReadOnlyList<long> Moved);
