using System.Text.RegularExpressions;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Workflow comments (the activity feed). Any workflow takes comments, finished ones too; a comment changes neither the
/// workflow's state nor its lastUpdated, and emits <c>workflow_comment_added</c>. A comment may reply to another of the
/// same workflow, and may come from the counterparty (an external author).
/// </summary>
public sealed partial class IroncladState
{
    private const string CommentIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Posts a comment; <paramref name="emit"/> false for the comment a cancel, pause or resume carries.</summary>
    /// <param name="repliedToId">The comment this one answers (<c>repliedToActivityFeedMessageId</c>); it must be on the workflow.</param>
    public WorkflowComment AddComment(string idOrIroncladId, IroncladUser author, string message, bool emit = true, string? repliedToId = null) =>
        Post(idOrIroncladId, author, message, emit, repliedToId, counterpartyCompany: null);

    /// <summary>A comment by someone of the counterparty (shown with an external author and <c>isExternal</c>).</summary>
    public WorkflowComment AddCounterpartyComment(string idOrIroncladId, Counterparty author, string message, string? repliedToId = null) =>
        Post(idOrIroncladId, new IroncladUser(string.Empty, author.Email, author.DisplayName, "Counterparty"), message, emit: true, repliedToId, author.CompanyName);

    /// <summary>The workflow's comments, oldest first; null when there is no such workflow.</summary>
    public IReadOnlyList<WorkflowComment>? Comments(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId) is { } workflow ? [.. workflow.Comments] : null;
        }
    }

    private WorkflowComment Post(string idOrIroncladId, IroncladUser author, string message, bool emit, string? repliedToId, string? counterpartyCompany)
    {
        WorkflowComment? comment = null;
        Change(idOrIroncladId, workflow =>
        {
            if (repliedToId is not null && !workflow.Comments.Exists(c => c.Id == repliedToId))
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidParam(
                    "repliedToActivityFeedMessageId does not name a comment of this workflow", "repliedToActivityFeedMessageId"));
            }

            comment = new WorkflowComment(
                System.Security.Cryptography.RandomNumberGenerator.GetString(CommentIdAlphabet, 9),
                message,
                _clock.UtcNow,
                author,
                MentionedUsers(message))
            {
                RepliedToId = repliedToId,
                CounterpartyCompany = counterpartyCompany,
            };
            workflow.Comments.Add(comment);
            if (emit)
            {
                Emit(workflow, WebhookEvents.WorkflowCommentAdded);
            }
        }, touch: false);
        return comment!;
    }

    private List<IroncladUser> MentionedUsers(string message) =>
    [
        .. MentionPattern().Matches(message)
            .Select(m => m.Groups[1].Value)
            .Select(key => _users.Find(u => string.Equals(u.Email, key, StringComparison.OrdinalIgnoreCase) || u.Id == key))
            .OfType<IroncladUser>()
            .Distinct(),
    ];

    [GeneratedRegex("<@([^<>@\\s]+(?:@[^<>\\s]+)?)>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
