namespace ContractBridge.Ironclad.Webhooks;

/// <summary>
/// The names of the webhook events the bridge acts on, as Ironclad spells them (its <c>WebhookEvent</c> enum), and the
/// seed dialect's one event; each constant is its wire name in Pascal case. Which of them start work is decided in Flows
/// (<c>IroncladTriggers</c>).
/// </summary>
public static class IroncladWebhookEvents
{
    public const string WorkflowLaunched = "workflow_launched";
    public const string WorkflowStepUpdated = "workflow_step_updated";
    public const string WorkflowCompleted = "workflow_completed";
    public const string WorkflowCancelled = "workflow_cancelled";
    public const string WorkflowPaused = "workflow_paused";
    public const string WorkflowResumed = "workflow_resumed";
    public const string WorkflowSignaturePacketSent = "workflow_signature_packet_sent";
    public const string WorkflowSignaturePacketFullySigned = "workflow_signature_packet_fully_signed";
    public const string WorkflowSignaturePacketCancelled = "workflow_signature_packet_cancelled";
    public const string WorkflowCommentAdded = "workflow_comment_added";
    public const string WorkflowApprovalStatusChanged = "workflow_approval_status_changed";
    public const string WorkflowChangedTurn = "workflow_changed_turn";

    /// <summary>A contract record's status changed (expired, terminated, renewed, …); the payload names the record, not a workflow.</summary>
    public const string RecordContractStatusChanged = "record_contract_status_changed";

    /// <summary>The seed document's only event: <c>{"event":"workflow.state.changed","workflowId","workflowStatus"}</c>.</summary>
    public const string SeedStateChanged = "workflow.state.changed";
}
