namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A contact to create; <see cref="Name"/> defaults to "first last".</summary>
public sealed record SeedContact
{
    public string? Name { get; init; }

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public IReadOnlyList<SeedContactChannel> Emails { get; init; } = [];

    public IReadOnlyList<SeedContactChannel> Phones { get; init; } = [];

    public long? CompanyId { get; init; }

    public long? ResponsibleUserId { get; init; }

    public IReadOnlyList<SeedFieldValue> CustomFields { get; init; } = [];
}
