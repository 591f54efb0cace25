namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>One lead of a successful PATCH, as the answer lists it.</summary>
internal sealed record UpdatedLead(long Id, long UpdatedAt, string RequestId);
