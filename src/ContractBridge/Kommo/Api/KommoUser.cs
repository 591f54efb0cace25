namespace ContractBridge.Kommo.Api;

/// <summary>A user of the Kommo account (GET /api/v4/users): who moved a deal or wrote a note.</summary>
public sealed record KommoUser(long Id, string? Name, string? Email);
