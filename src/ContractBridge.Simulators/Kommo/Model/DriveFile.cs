namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A file uploaded to the account's drive; the bytes are kept so tests can read them back.</summary>
internal sealed class DriveFile
{
    public required long Id { get; init; }

    public required Guid Uuid { get; init; }

    public required Guid VersionUuid { get; init; }

    public required string Name { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    public long CreatedBy { get; init; }

    public long CreatedAt { get; init; }
}
