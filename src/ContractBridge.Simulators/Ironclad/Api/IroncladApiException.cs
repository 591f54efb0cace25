namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Ends a call with an Ironclad error answer. Thrown deep inside parsing and validation so handlers stay linear; the
/// route group turns it into the status code and JSON body.
/// </summary>
public sealed class IroncladApiException(int statusCode, IroncladError error) : Exception(error.Message)
{
    public int StatusCode { get; } = statusCode;

    public IroncladError Error { get; } = error;

    public static IroncladApiException BadRequest(IroncladError error) => new(StatusCodes.Status400BadRequest, error);

    public static IroncladApiException NotFound(string message, string param) =>
        new(StatusCodes.Status404NotFound, IroncladError.NotFound(message, param));
}
