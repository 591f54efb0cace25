namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record PendingWebhooks(int Pending);
