namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>The integration's redirect URI, as an admin sets it in the integration's settings in Kommo.</summary>
public sealed record IntegrationRedirect(Uri RedirectUri);
