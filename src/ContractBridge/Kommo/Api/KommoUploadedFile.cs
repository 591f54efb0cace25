namespace ContractBridge.Kommo.Api;

/// <summary>A file in Kommo's drive, ready to be referenced by an attachment note.</summary>
public sealed record KommoUploadedFile(string Uuid, string VersionUuid, string Name, long Size);
