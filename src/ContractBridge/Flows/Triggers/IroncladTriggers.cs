using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad.Webhooks;

namespace ContractBridge.Flows.Triggers;

/// <summary>
/// What an Ironclad webhook means: a sync of its workflow when the event announces a change of step or status, and a
/// relay of its activity to the deal when it announces a comment, an approval or a turn, a read of its record when a
/// record's status changed. The jobs read the workflow or record themselves, since the envelope only names it.
/// </summary>
public static class IroncladTriggers
{
    /// <summary>
    /// Events that announce a change of step or status; others (edits, and workflow_updated, which follows every
    /// change) are stored and not acted on, so one change costs one read of the workflow, not three.
    /// </summary>
    public static readonly IReadOnlySet<string> StateEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        IroncladWebhookEvents.WorkflowLaunched, IroncladWebhookEvents.WorkflowStepUpdated, IroncladWebhookEvents.WorkflowSignaturePacketSent,
        IroncladWebhookEvents.WorkflowSignaturePacketFullySigned, IroncladWebhookEvents.WorkflowSignaturePacketCancelled, IroncladWebhookEvents.WorkflowCompleted,
        IroncladWebhookEvents.WorkflowCancelled, IroncladWebhookEvents.WorkflowPaused, IroncladWebhookEvents.WorkflowResumed,
    };

    /// <summary>Events that announce activity the deal hears of (<see cref="ActivityRelayRequest"/>), and the list each one reads.</summary>
    public static readonly IReadOnlyDictionary<string, ActivityFeed> ActivityEvents = new Dictionary<string, ActivityFeed>(StringComparer.Ordinal)
    {
        [IroncladWebhookEvents.WorkflowCommentAdded] = ActivityFeed.Comments,
        [IroncladWebhookEvents.WorkflowApprovalStatusChanged] = ActivityFeed.Approvals,
        [IroncladWebhookEvents.WorkflowChangedTurn] = ActivityFeed.Turns,
    };

    /// <summary>Record events the bridge registers for: a record's status changed, which may also carry a new expiration date.</summary>
    public static readonly IReadOnlySet<string> RecordEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        IroncladWebhookEvents.RecordContractStatusChanged,
    };

    /// <summary>Every event the bridge acts on, and so registers for.</summary>
    public static IReadOnlyList<string> ActedOn => [.. StateEvents.Concat(ActivityEvents.Keys).Concat(RecordEvents).Order(StringComparer.Ordinal)];

    public static TriggeredWork For(IroncladWebhook webhook)
    {
        if (webhook.Dialect == IroncladWebhookDialect.Envelope && RecordEvents.Contains(webhook.EventName))
        {
            return webhook.RecordId is { } recordId
                ? new TriggeredWork($"{webhook.EventName} record {recordId}", [new RecordChangedRequest(recordId).ToJob()])
                : new TriggeredWork(webhook.EventName, []);
        }

        var summary = $"{webhook.EventName} {webhook.WorkflowId} {webhook.Status}".Trim();
        return new TriggeredWork(summary, SyncEvent(webhook) is { } syncEvent
            ? [new SyncRequest(webhook.WorkflowId!, syncEvent).ToJob()]
            : ActivityOf(webhook) is { } feed ? [new ActivityRelayRequest(webhook.WorkflowId!, feed).ToJob()] : []);
    }

    /// <summary>The list an activity event makes the bridge read, or null when the webhook announces no activity.</summary>
    private static ActivityFeed? ActivityOf(IroncladWebhook webhook) =>
        webhook is { WorkflowId: not null, Dialect: IroncladWebhookDialect.Envelope } && ActivityEvents.TryGetValue(webhook.EventName, out var feed) ? feed : null;

    /// <summary>The event the sync job is told about, or null when the webhook starts no sync.</summary>
    private static string? SyncEvent(IroncladWebhook webhook)
    {
        if (webhook.WorkflowId is null)
        {
            return null;
        }

        if (webhook.Dialect == IroncladWebhookDialect.Envelope)
        {
            return StateEvents.Contains(webhook.EventName) ? webhook.EventName : null;
        }

        if (webhook.EventName != IroncladWebhookEvents.SeedStateChanged)
        {
            return null;
        }

        // EXECUTED in the seed means fully signed: pass it on as the real event that says so.
        return string.Equals(webhook.Status, "EXECUTED", StringComparison.OrdinalIgnoreCase) ? IroncladWebhookEvents.WorkflowSignaturePacketFullySigned : webhook.EventName;
    }
}
