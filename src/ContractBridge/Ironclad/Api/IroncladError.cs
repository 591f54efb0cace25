namespace ContractBridge.Ironclad.Api;

/// <summary>Ironclad's error body: code MISSING_PARAM, INVALID_PARAM, INVALID_STATE, NOT_FOUND, UNAUTHORIZED, FORBIDDEN.</summary>
public sealed record IroncladError(string? Code, string? Message, string? Param);
