namespace ContractBridge.Ironclad.Api;

/// <summary>GET /workflows/{id}/documents.</summary>
public sealed record IroncladDocuments(
    IReadOnlyList<IroncladDocument>? SignaturePacketDocuments,
    IReadOnlyList<IroncladDocument>? ExcludedFromSignaturePacketDocuments);

/// <summary><see cref="Download"/> is a path on the API host (/public/api/v1/workflows/{id}/document/{key}/download).</summary>
public sealed record IroncladDocument(string? Version, double? VersionNumber, string Filename, string Key, string Download, IroncladModification? LastModified);

/// <summary>Ironclad's <c>lastModified</c> is an object: <c>{"timestamp": "2016-11-17T00:37:22.318Z", "author": {...}}</c>.</summary>
public sealed record IroncladModification(DateTimeOffset? Timestamp);
