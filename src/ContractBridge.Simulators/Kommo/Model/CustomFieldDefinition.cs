namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A custom field of leads, contacts or companies. Contacts' EMAIL and PHONE are predefined multitext fields.</summary>
internal sealed class CustomFieldDefinition
{
    public required long Id { get; init; }

    /// <summary>"leads", "contacts" or "companies".</summary>
    public required string EntityType { get; init; }

    public required string Name { get; set; }

    /// <summary>Kommo's field type: text, textarea, numeric, checkbox, select, multiselect, radiobutton, date, date_time, url, multitext, price.</summary>
    public required string Type { get; init; }

    /// <summary>"EMAIL", "PHONE" for the predefined contact fields; null for the account's own fields.</summary>
    public string? Code { get; init; }

    public int Sort { get; set; }

    public bool IsPredefined { get; init; }

    public List<CustomFieldEnum> Enums { get; } = [];

    public bool HasEnums => Type is CustomFieldTypes.Select or CustomFieldTypes.Multiselect or CustomFieldTypes.Radiobutton or CustomFieldTypes.Multitext;

    public CustomFieldEnum? FindEnum(long id) => Enums.Find(e => e.Id == id);

    public CustomFieldEnum? FindEnum(string value) => Enums.Find(e => string.Equals(e.Value, value, StringComparison.Ordinal));
}
