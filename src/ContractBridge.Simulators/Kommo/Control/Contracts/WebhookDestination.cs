namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record WebhookDestination(Uri Destination);
