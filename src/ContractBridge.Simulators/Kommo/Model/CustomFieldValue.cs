namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>The values one entity holds for one custom field.</summary>
internal sealed record CustomFieldValue(long FieldId, IReadOnlyList<CustomFieldValueItem> Values);
