namespace ContractBridge.Kommo.Api;

/// <summary>Opens an upload on the account's drive (POST {drive}/v1.0/sessions).</summary>
public sealed record KommoNewUploadSession(string FileName, long FileSize, string ContentType);
