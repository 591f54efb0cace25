namespace ContractBridge.Simulators.Kommo.Auth;

/// <summary>Who made an API call: the integration its token belongs to (the unit of Kommo's 7 req/s limit).</summary>
internal sealed record KommoCaller(string IntegrationId);
