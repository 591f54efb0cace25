namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>An open drive upload: the file is created when the parts received add up to <see cref="FileSize"/>.</summary>
internal sealed class UploadSession
{
    public required long Id { get; init; }

    /// <summary>The secret part of the upload URL: whoever knows it may upload, as with Kommo's pre-signed URLs.</summary>
    public required string Key { get; init; }

    public required string FileName { get; init; }

    public required long FileSize { get; init; }

    public required string ContentType { get; init; }

    public long CreatedBy { get; init; }

    public MemoryStream Received { get; } = new();

    public int PartsReceived { get; set; }
}
