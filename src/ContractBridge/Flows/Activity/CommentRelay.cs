using System.Text.Json;
using System.Text.RegularExpressions;
using ContractBridge.Configuration;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;
using ContractBridge.Setup;

namespace ContractBridge.Flows.Activity;

/// <summary>
/// Legal's comments as notes: reads the workflow's comments (one read, page by page) and turns each one not seen before
/// into a note, oldest first. Never the bridge's own comments: those credited to the user the bridge acts as in Ironclad
/// (<see cref="IroncladOptions.CreatorEmail"/>: give the bridge a user of its own), and those it remembers posting
/// (<see cref="OwnComments"/>); never Ironclad's own or another integration's items either, only people's. The state
/// is the ids seen, relayed or not, so each comment is considered once.
/// </summary>
public sealed partial class CommentRelay(IroncladClient ironclad, OwnComments own, UpstreamConnections connections) : IActivityRelay
{
    /// <summary>At most 1,000 comments are read (100 to a page).</summary>
    private const int PagesRead = 10;

    public ActivityFeed Feed => ActivityFeed.Comments;

    public async Task<ActivityRelayed> RelayAsync(RelayedContract contract, string? state, CancellationToken cancellationToken)
    {
        var seen = state is null ? [] : JsonSerializer.Deserialize<List<string>>(state) ?? [];
        var known = seen.ToHashSet(StringComparer.Ordinal);
        var comments = await ironclad.ListCommentsAsync(contract.WorkflowId, PagesRead, cancellationToken);
        var notes = new List<string>();
        foreach (var comment in InIroncladOrder(comments).Where(c => known.Add(c.Id)))
        {
            seen.Add(comment.Id);
            if (IsAPersonsComment(comment, connections.Ironclad?.CreatorEmail) && !await own.IsOwnAsync(comment.Id, cancellationToken))
            {
                notes.Add(Note(comment, contract));
            }
        }

        return new ActivityRelayed(notes, JsonSerializer.Serialize(seen));
    }

    /// <summary>
    /// A comment by a person of the company or of the counterparty, and not by the user the bridge acts as
    /// (<paramref name="bridgeUserEmail"/>): Ironclad's own items and other integrations' are not legal's comments.
    /// </summary>
    public static bool IsAPersonsComment(IroncladComment comment, string? bridgeUserEmail) => comment.Author switch
    {
        { Type: IroncladFeedAuthor.ExternalUser } => true,
        { Type: IroncladFeedAuthor.InternalUser } author => !string.Equals(author.Email, bridgeUserEmail, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The note a comment becomes: who (the counterparty marked), whom it answers, the text with mentions as names.</summary>
    public static string Note(IroncladComment comment, RelayedContract contract)
    {
        var author = comment.Author;
        var external = comment.IsExternal == true || author?.Type == IroncladFeedAuthor.ExternalUser;
        var repliesTo = comment.RepliedTo is { } reply ? Name(reply.ItemAuthor) ?? "a comment" : null;
        return ActivityNotes.Comment(
            Name(author) ?? "Someone in Ironclad",
            external ? author?.CompanyName ?? string.Empty : null,
            repliesTo,
            contract.Name,
            WithNames(comment.CommentMessage, comment.MentionedUserDetails ?? []),
            contract.Link);
    }

    /// <summary>Ironclad's <c>&lt;@email&gt;</c> (or <c>&lt;@user id&gt;</c>) mentions as <c>@Display Name</c>, or <c>@email</c> when the user is not named.</summary>
    public static string WithNames(string text, IReadOnlyList<IroncladMentionedUser> mentioned) => Mention().Replace(text, match =>
    {
        var key = match.Groups[1].Value;
        var user = mentioned.FirstOrDefault(u => string.Equals(u.Email, key, StringComparison.OrdinalIgnoreCase) || u.Id == key);
        return "@" + (string.IsNullOrWhiteSpace(user?.DisplayName) ? key : user.DisplayName);
    });

    /// <summary>Oldest first by timestamp; comments of the same moment keep the order Ironclad listed them in.</summary>
    private static IEnumerable<IroncladComment> InIroncladOrder(IReadOnlyList<IroncladComment> comments) =>
        comments.Select((comment, index) => (comment, index))
            .OrderBy(c => c.comment.Timestamp ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.index)
            .Select(c => c.comment);

    private static string? Name(IroncladFeedAuthor? author) =>
        string.IsNullOrWhiteSpace(author?.DisplayName) ? string.IsNullOrWhiteSpace(author?.Email) ? null : author.Email : author.DisplayName;

    [GeneratedRegex("<@([^<>\\s]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
