namespace ContractBridge.Ironclad.Api;

/// <summary>A comment's <c>repliedTo</c>: the id of the comment it answers and that comment's author.</summary>
public sealed record IroncladCommentReply(string? Item, IroncladFeedAuthor? ItemAuthor);
