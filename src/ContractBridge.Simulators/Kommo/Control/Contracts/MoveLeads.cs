namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>
/// A sales rep dragging one or several deals to a stage. All leads move together: one webhook body per destination.
/// Without <see cref="PipelineId"/> each lead stays in its pipeline (so 142/143 work for leads of any pipeline).
/// </summary>
public sealed record MoveLeads
{
    public required IReadOnlyList<long> LeadIds { get; init; }

    public required long StatusId { get; init; }

    public long? PipelineId { get; init; }

    public long? LossReasonId { get; init; }

    /// <summary>The rep doing it (modified_user_id in the webhook); defaults to each lead's responsible user.</summary>
    public long? ByUserId { get; init; }
}
