namespace ContractBridge.Kommo.Api;

/// <summary>The drive's answer to a new upload: where the first part goes and how big a part may be.</summary>
public sealed record KommoUploadSession(string? UploadUrl, long? MaxPartSize);
