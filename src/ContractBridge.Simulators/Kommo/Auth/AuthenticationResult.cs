namespace ContractBridge.Simulators.Kommo.Auth;

/// <summary>The caller when the bearer token is good; otherwise the detail of the 401.</summary>
internal sealed record AuthenticationResult(KommoCaller? Caller, string? Failure)
{
    public static AuthenticationResult Accepted(string integrationId) => new(new KommoCaller(integrationId), null);

    public static AuthenticationResult Rejected(string detail) => new(null, detail);
}
