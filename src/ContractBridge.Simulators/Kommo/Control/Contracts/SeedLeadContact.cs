namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A contact linked to a lead; at most one per lead is the main one.</summary>
public sealed record SeedLeadContact(long ContactId, bool IsMain = false);
