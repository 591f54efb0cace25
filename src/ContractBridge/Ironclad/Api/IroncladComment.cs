namespace ContractBridge.Ironclad.Api;

/// <summary>A comment of a workflow's activity feed (Ironclad's ActivityFeedComment), as far as the bridge reads it.</summary>
public sealed record IroncladComment(string Id, string CommentMessage, DateTimeOffset? Timestamp)
{
    /// <summary>Made by someone outside the company (the counterparty).</summary>
    public bool? IsExternal { get; init; }

    public IroncladFeedAuthor? Author { get; init; }

    /// <summary>The comment this one answers, and its author; null for a comment of its own.</summary>
    public IroncladCommentReply? RepliedTo { get; init; }

    /// <summary>The users its <c>&lt;@email&gt;</c> mentions name.</summary>
    public IReadOnlyList<IroncladMentionedUser>? MentionedUserDetails { get; init; }
}
