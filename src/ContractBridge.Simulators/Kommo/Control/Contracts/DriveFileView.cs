namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record DriveFileView(Guid Uuid, Guid VersionUuid, string Name, string ContentType, long Size, string Sha256, long CreatedAt);
