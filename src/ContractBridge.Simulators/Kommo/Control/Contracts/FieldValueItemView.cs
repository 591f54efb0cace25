using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record FieldValueItemView(JsonNode? Value, long? EnumId, string? EnumCode);
