namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record FieldValueView(long FieldId, string FieldName, string? FieldCode, string FieldType, IReadOnlyList<FieldValueItemView> Values);
