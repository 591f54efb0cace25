using System.Text.RegularExpressions;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Workflow comments (the activity feed). Any workflow takes comments, finished ones too; a comment changes neither the
/// workflow's state nor its lastUpdated, and emits <c>workflow_comment_added</c>.
/// </summary>
public sealed partial class IroncladState
{
    private const string CommentIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Posts a comment; <paramref name="emit"/> false for the comment a cancel, pause or resume carries.</summary>
    public WorkflowComment AddComment(string idOrIroncladId, IroncladUser author, string message, bool emit = true)
    {
        WorkflowComment? comment = null;
        Change(idOrIroncladId, workflow =>
        {
            comment = new WorkflowComment(
                System.Security.Cryptography.RandomNumberGenerator.GetString(CommentIdAlphabet, 9),
                message,
                _clock.UtcNow,
                author,
                MentionedUsers(message));
            workflow.Comments.Add(comment);
            if (emit)
            {
                Emit(workflow, WebhookEvents.WorkflowCommentAdded);
            }
        }, touch: false);
        return comment!;
    }

    /// <summary>The workflow's comments, oldest first; null when there is no such workflow.</summary>
    public IReadOnlyList<WorkflowComment>? Comments(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId) is { } workflow ? [.. workflow.Comments] : null;
        }
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
