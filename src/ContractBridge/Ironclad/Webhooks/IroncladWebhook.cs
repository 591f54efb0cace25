namespace ContractBridge.Ironclad.Webhooks;

/// <summary>
/// A parsed Ironclad webhook: what happened and to which workflow (or, for a record event, record). The envelope is thin on purpose (the workflow is read
/// from the API for its state), so this is all a body says.
/// </summary>
/// <param name="EventName">The event as sent (<c>workflow_launched</c>, or the seed's <c>workflow.state.changed</c>).</param>
/// <param name="WorkflowId">The workflow the event is about; null for envelope events that name none.</param>
/// <param name="Status">The seed dialect's <c>workflowStatus</c> (EXECUTED, …); null in the envelope, which has none.</param>
/// <param name="DedupeKey">Unique per delivered event: Ironclad's event id, or the hash of a seed body (it has no id).</param>
/// <param name="Dialect">The format the body came in.</param>
public sealed record IroncladWebhook(string EventName, string? WorkflowId, string? Status, string DedupeKey, IroncladWebhookDialect Dialect)
{
    /// <summary>The record a record event (<c>record_contract_status_changed</c>) is about: its payload's <c>recordID</c>.</summary>
    public string? RecordId { get; init; }
}
