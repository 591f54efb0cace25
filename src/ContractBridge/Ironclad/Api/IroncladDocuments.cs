namespace ContractBridge.Ironclad.Api;

/// <summary>GET /workflows/{id}/documents.</summary>
public sealed record IroncladDocuments(
    IReadOnlyList<IroncladDocument>? SignaturePacketDocuments,
    IReadOnlyList<IroncladDocument>? ExcludedFromSignaturePacketDocuments);

/// <summary><see cref="Download"/> is a path on the API host (/public/api/v1/workflows/{id}/document/{key}/download).</summary>
public sealed record IroncladDocument(string? Version, double? VersionNumber, string Filename, string Key, string Download, IroncladModification? LastModified);

/// <summary>When (and by whom) a document last changed.</summary>
public sealed record IroncladModification(DateTimeOffset? Timestamp);
