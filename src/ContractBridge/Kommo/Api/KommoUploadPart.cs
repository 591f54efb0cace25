namespace ContractBridge.Kommo.Api;

/// <summary>
/// The drive's answer to one part: <see cref="NextUrl"/> while bytes are missing, the file's ids after the last part.
/// </summary>
public sealed record KommoUploadPart(string? NextUrl, string? Uuid, string? VersionUuid, string? Name, long? Size);
