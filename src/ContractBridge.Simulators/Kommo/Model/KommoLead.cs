namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A lead (deal). Timestamps are unix seconds, as on the wire.</summary>
internal sealed class KommoLead
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public long Price { get; set; }

    public long ResponsibleUserId { get; set; }

    public long PipelineId { get; set; }

    public long StatusId { get; set; }

    public long? LossReasonId { get; set; }

    public long CreatedBy { get; init; }

    public long UpdatedBy { get; set; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; set; }

    public long? ClosedAt { get; set; }

    public List<CustomFieldValue> CustomFields { get; } = [];

    public List<LeadContactLink> Contacts { get; } = [];

    /// <summary>The lead's tags (ids of the account's <c>Tags</c>), in the order they were given.</summary>
    public List<long> TagIds { get; } = [];

    public long? CompanyId { get; set; }
}
