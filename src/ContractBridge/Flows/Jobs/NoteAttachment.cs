namespace ContractBridge.Flows.Jobs;

/// <summary>A file already in Kommo's drive, for an attachment note.</summary>
public sealed record NoteAttachment(string FileUuid, string VersionUuid, string FileName);
