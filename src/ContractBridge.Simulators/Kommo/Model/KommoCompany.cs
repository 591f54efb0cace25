namespace ContractBridge.Simulators.Kommo.Model;

internal sealed class KommoCompany
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public long ResponsibleUserId { get; set; }

    public long CreatedBy { get; init; }

    public long UpdatedBy { get; set; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; set; }

    public List<CustomFieldValue> CustomFields { get; } = [];
}
