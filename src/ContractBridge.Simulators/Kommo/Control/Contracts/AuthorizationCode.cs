namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>What an admin's "Allow" on the consent screen yields: a code to exchange at /oauth2/access_token.</summary>
public sealed record AuthorizationCode(string Code, string RedirectUri);
