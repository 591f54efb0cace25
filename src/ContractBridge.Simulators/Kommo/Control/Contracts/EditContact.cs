namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>
/// A sales rep editing a contact's card (sends update_contact); only the fields given change. <see cref="Emails"/> and
/// <see cref="Phones"/>, when given and not empty, replace the contact's emails or phones.
/// </summary>
public sealed record EditContact
{
    public required long ContactId { get; init; }

    public string? Name { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public IReadOnlyList<SeedContactChannel>? Emails { get; init; }

    public IReadOnlyList<SeedContactChannel>? Phones { get; init; }

    public IReadOnlyList<SeedFieldValue> CustomFields { get; init; } = [];

    public long? ByUserId { get; init; }
}
