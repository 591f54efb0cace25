namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A contact: a person, with EMAIL and PHONE as multitext custom field values.</summary>
internal sealed class KommoContact
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public long ResponsibleUserId { get; set; }

    public long CreatedBy { get; init; }

    public long UpdatedBy { get; set; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; set; }

    public List<CustomFieldValue> CustomFields { get; } = [];

    public long? CompanyId { get; set; }
}
