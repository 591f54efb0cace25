namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>One task of a successful PATCH, as the answer lists it: Kommo returns only its id and updated_at.</summary>
internal sealed record UpdatedTask(long Id, long UpdatedAt, string RequestId);
