namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>Body of <c>PUT /_sim/records/{id}/expiration-date</c>: <c>{"expirationDate":"2027-12-31"}</c>, null to remove it.</summary>
public sealed record RecordExpirationRequest(DateOnly? ExpirationDate);
