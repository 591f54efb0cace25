namespace ContractBridge.Kommo.Api;

/// <summary>GET /api/v4/account (with=drive_url adds the file storage host).</summary>
public sealed record KommoAccount(long Id, string? Name, string? Subdomain, string? Currency, string? DriveUrl);
