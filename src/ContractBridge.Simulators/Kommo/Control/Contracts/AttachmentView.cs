namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>An attachment note's file: what the note says and what was uploaded (size and SHA-256 of the bytes).</summary>
public sealed record AttachmentView(long NoteId, Guid FileUuid, Guid VersionUuid, string FileName, long Size, string Sha256, string ContentType);
