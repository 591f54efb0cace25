namespace ContractBridge.Ironclad.Api;

/// <summary>A comment of a workflow's activity feed (Ironclad's ActivityFeedComment), as far as the bridge reads it.</summary>
public sealed record IroncladComment(string Id, string CommentMessage, DateTimeOffset? Timestamp);
