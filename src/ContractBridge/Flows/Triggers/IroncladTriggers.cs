using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad.Webhooks;

namespace ContractBridge.Flows.Triggers;

/// <summary>
/// What an Ironclad webhook means: a sync of its workflow when the event announces a change of step or status, and a
/// read of its record when a record's status changed. The jobs read the workflow or record themselves, since the
/// envelope only names it.
/// </summary>
public static class IroncladTriggers
{
    /// <summary>
    /// Events that announce a change of step or status, and the ones the bridge registers for; others (comments, edits,
    /// and workflow_updated, which follows every change) are stored and not acted on, so one change costs one read of
    /// the workflow, not three.
    /// </summary>
    public static readonly IReadOnlySet<string> StateEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        IroncladWebhookEvents.WorkflowLaunched, IroncladWebhookEvents.WorkflowStepUpdated, IroncladWebhookEvents.WorkflowSignaturePacketSent,
        IroncladWebhookEvents.WorkflowSignaturePacketFullySigned, IroncladWebhookEvents.WorkflowSignaturePacketCancelled, IroncladWebhookEvents.WorkflowCompleted,
        IroncladWebhookEvents.WorkflowCancelled, IroncladWebhookEvents.WorkflowPaused, IroncladWebhookEvents.WorkflowResumed,
    };

    /// <summary>Record events the bridge registers for: a record's status changed, which may also carry a new expiration date.</summary>
    public static readonly IReadOnlySet<string> RecordEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        IroncladWebhookEvents.RecordContractStatusChanged,
    };

    /// <summary>Every event the bridge registers for with Ironclad.</summary>
    public static IReadOnlySet<string> RegisteredEvents { get; } = new HashSet<string>(StateEvents.Concat(RecordEvents), StringComparer.Ordinal);

    public static TriggeredWork For(IroncladWebhook webhook)
    {
        if (webhook.Dialect == IroncladWebhookDialect.Envelope && RecordEvents.Contains(webhook.EventName))
        {
            return webhook.RecordId is { } recordId
                ? new TriggeredWork($"{webhook.EventName} record {recordId}", [new RecordChangedRequest(recordId).ToJob()])
                : new TriggeredWork(webhook.EventName, []);
        }

        var summary = $"{webhook.EventName} {webhook.WorkflowId} {webhook.Status}".Trim();
        return new TriggeredWork(summary, SyncEvent(webhook) is { } syncEvent ? [new SyncRequest(webhook.WorkflowId!, syncEvent).ToJob()] : []);
    }

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
