namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>Ironclad's error body: <c>{"code","message","param"}</c>.</summary>
public sealed record IroncladError(string Code, string Message, string? Param = null)
{
    public static IroncladError MissingParam(string message, string param) => new("MISSING_PARAM", message, param);

    public static IroncladError InvalidParam(string message, string param) => new("INVALID_PARAM", message, param);

    public static IroncladError InvalidState(string message, string? param = null) => new("INVALID_STATE", message, param);

    public static IroncladError NotFound(string message, string param) => new("NOT_FOUND", message, param);
}
