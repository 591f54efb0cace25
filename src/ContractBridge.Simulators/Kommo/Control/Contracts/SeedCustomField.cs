namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A custom field definition to create on leads, contacts or companies.</summary>
public sealed record SeedCustomField
{
    public required string Name { get; init; }

    /// <summary>text, textarea, numeric, checkbox, select, multiselect, radiobutton, date, date_time, url, multitext or price.</summary>
    public string Type { get; init; } = "text";

    /// <summary>leads, contacts or companies.</summary>
    public string EntityType { get; init; } = "leads";

    public string? Code { get; init; }

    /// <summary>The choices of a select, multiselect or radiobutton field (the kinds of a multitext field).</summary>
    public IReadOnlyList<string>? Enums { get; init; }
}
