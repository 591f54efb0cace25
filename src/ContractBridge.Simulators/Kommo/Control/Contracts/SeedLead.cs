namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A lead to create. Without a pipeline it goes to the main one; without a stage, to the pipeline's first stage.</summary>
public sealed record SeedLead
{
    public required string Name { get; init; }

    public long Price { get; init; }

    public long? PipelineId { get; init; }

    public long? StatusId { get; init; }

    /// <summary>Defaults to the account's admin.</summary>
    public long? ResponsibleUserId { get; init; }

    public long? LossReasonId { get; init; }

    public IReadOnlyList<SeedFieldValue> CustomFields { get; init; } = [];

    public IReadOnlyList<SeedLeadContact> Contacts { get; init; } = [];

    public long? CompanyId { get; init; }
}
