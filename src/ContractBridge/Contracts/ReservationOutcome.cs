namespace ContractBridge.Contracts;

/// <summary>What <see cref="IContractLinkStore.ReserveAsync"/> found: the status, and the lead's active link.</summary>
public sealed record ReservationOutcome(ReservationStatus Status, ContractLink Link);
