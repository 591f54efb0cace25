using System.Text.Json.Nodes;

namespace ContractBridge.Kommo.Api;

/// <summary>One field of a lead PATCH's <c>custom_fields_values</c>: <c>{"field_id", "values": [{"value"} | {"enum_id"}]}</c>.</summary>
public sealed record KommoFieldValuesUpdate(long FieldId, IReadOnlyList<KommoNewFieldValue> Values);

/// <summary>A value as Kommo takes it: <see cref="Value"/> (text, number, unix seconds) or a choice's <see cref="EnumId"/>.</summary>
public sealed record KommoNewFieldValue(JsonNode? Value = null, long? EnumId = null);
