namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A sales rep deleting a deal (with its notes and tasks).</summary>
public sealed record DeleteLead(long LeadId);
