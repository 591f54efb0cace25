namespace ContractBridge.Kommo.Api;

/// <summary>
/// A custom field definition (<c>GET /api/v4/leads/custom_fields</c>): its type as Kommo spells it (text, textarea,
/// url, numeric, date, date_time, select, radiobutton, …), its code when it has one, and the options of a choice field.
/// </summary>
public sealed record KommoCustomField(long Id, string? Name, string? Type, string? Code, IReadOnlyList<KommoCustomFieldEnum>? Enums);

/// <summary>One option of a select, multiselect or radiobutton field: its id and its label.</summary>
public sealed record KommoCustomFieldEnum(long Id, string? Value, int? Sort);
