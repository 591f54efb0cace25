namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// One document of a workflow: the main contract or an exhibit, in the signature packet or left out of it. Each has
/// its own key and versions (the draft is version 1; a packet document gets a signed version when the packet is fully
/// signed). Mutable, and only touched under the state's lock.
/// </summary>
public sealed class WorkflowDocument
{
    public required string Key { get; init; }

    /// <summary>The name with its extension, as <c>filename</c> shows it.</summary>
    public required string Filename { get; init; }

    public bool InSignaturePacket { get; set; } = true;

    public List<DocumentVersion> Versions { get; } = [];

    public DocumentVersion Current => Versions[^1];

    public DocumentSnapshot Snapshot() => new(Key, Filename, InSignaturePacket, [.. Versions]);
}
