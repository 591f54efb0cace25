namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A contact linked to a lead; at most one link is the main contact.</summary>
internal sealed record LeadContactLink(long ContactId, bool IsMain);
