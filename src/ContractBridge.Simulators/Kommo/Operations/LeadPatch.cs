namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// A validated change to one lead: only the fields given are set. Status and pipeline are already resolved
/// (a pipeline without a stage means that pipeline's first open stage).
/// </summary>
internal sealed record LeadPatch
{
    public string? Name { get; init; }

    public long? Price { get; init; }

    public long? ResponsibleUserId { get; init; }

    public long? PipelineId { get; init; }

    public long? StatusId { get; init; }

    /// <summary>True when the request set <c>loss_reason_id</c> (to a reason, or to null/0 to clear it).</summary>
    public bool SetsLossReason { get; init; }

    public long? LossReasonId { get; init; }

    public IReadOnlyList<CustomFieldValueChange> CustomFields { get; init; } = [];

    public LeadTagChange Tags { get; init; } = LeadTagChange.None;
}
