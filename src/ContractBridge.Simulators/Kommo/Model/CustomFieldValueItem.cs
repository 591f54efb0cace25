using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>
/// One value: text, number or boolean as the client sent it, plus the enum it refers to for select and multitext fields.
/// <see cref="Value"/> is never handed out: writers clone it, because a JSON node can have only one parent.
/// </summary>
internal sealed record CustomFieldValueItem(JsonNode? Value, long? EnumId, string? EnumCode);
