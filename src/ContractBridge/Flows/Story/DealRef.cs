namespace ContractBridge.Flows.Story;

/// <summary>A deal an event concerns: its lead, and its name when a contract recorded one.</summary>
public sealed record DealRef(long LeadId, string? DealName);
