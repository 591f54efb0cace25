namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>Another private integration installed on the account: its own long-lived token and its own rate limit.</summary>
public sealed record IntegrationCredentials(string IntegrationId, string Token);
