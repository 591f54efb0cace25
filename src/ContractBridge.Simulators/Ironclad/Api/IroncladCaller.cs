namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Who is calling: with the legacy API key the caller is the company (a launch names its creator in the body); with an
/// OAuth client-credentials token the caller acts as the user named by <c>x-as-user-email</c> / <c>x-as-user-id</c>.
/// </summary>
public sealed record IroncladCaller(bool IsLegacyToken, Model.IroncladUser? ActingUser);
