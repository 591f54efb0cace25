namespace ContractBridge.Simulators.Ironclad.Webhooks;

/// <summary>The <c>WebhookEvent</c> enum of Ironclad's OpenAPI description, and the seed dialect's one event.</summary>
public static class WebhookEvents
{
    public const string All = "*";
    public const string WorkflowLaunched = "workflow_launched";
    public const string WorkflowUpdated = "workflow_updated";
    public const string WorkflowCancelled = "workflow_cancelled";
    public const string WorkflowCompleted = "workflow_completed";
    public const string WorkflowApprovalStatusChanged = "workflow_approval_status_changed";
    public const string WorkflowPaused = "workflow_paused";
    public const string WorkflowResumed = "workflow_resumed";
    public const string WorkflowStepUpdated = "workflow_step_updated";
    public const string WorkflowAttributeUpdated = "workflow_attribute_updated";
    public const string SignaturePacketSent = "workflow_signature_packet_sent";
    public const string SignaturePacketCancelled = "workflow_signature_packet_cancelled";
    public const string SignaturePacketSignaturesCollected = "workflow_signature_packet_signatures_collected";
    public const string SignaturePacketFullySigned = "workflow_signature_packet_fully_signed";
    public const string WorkflowCommentAdded = "workflow_comment_added";
    public const string WorkflowChangedTurn = "workflow_changed_turn";
    public const string WorkflowDocumentsAdded = "workflow_documents_added";
    public const string SignaturePacketDocumentMoved = "workflow_signature_packet_document_moved";
    public const string RecordContractStatusChanged = "record_contract_status_changed";

    /// <summary>The seed document's event; registrable only when the seed dialect is on.</summary>
    public const string SeedStateChanged = "workflow.state.changed";

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "*", "workflow_launched", "workflow_updated", "workflow_cancelled", "workflow_completed",
        "workflow_approval_status_changed", "workflow_attribute_updated", "workflow_comment_added", "workflow_comment_removed",
        "workflow_comment_updated", "workflow_comment_reaction_added", "workflow_comment_reaction_removed",
        "workflow_counterparty_invite_sent", "workflow_counterparty_invite_revoked", "workflow_documents_added",
        "workflow_documents_removed", "workflow_documents_updated", "workflow_documents_renamed", "workflow_document_edited",
        "workflow_changed_turn", "workflow_paused", "workflow_resumed", "workflow_signature_packet_cancelled",
        "workflow_signature_packet_document_moved", "workflow_signature_packet_fully_signed", "workflow_signature_packet_sent",
        "workflow_signature_packet_signatures_collected", "workflow_signature_packet_signer_first_viewed",
        "workflow_signature_packet_signer_viewed", "workflow_signature_packet_uploaded", "workflow_signer_added",
        "workflow_signer_removed", "workflow_signer_reassigned", "workflow_step_updated", "workflow_roles_assigned",
        "record_contract_status_changed",
    };
}
