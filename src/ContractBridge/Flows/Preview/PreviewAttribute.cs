using System.Text.Json.Nodes;

namespace ContractBridge.Flows.Preview;

/// <summary>
/// One attribute the launch would send: its id and display name in the template, its type and required flag, the term
/// of the mapping that gave its value (a custom field with its name in Kommo), and the value exactly as it would go in
/// the launch's JSON.
/// </summary>
public sealed record PreviewAttribute(string Id, string? Name, string Type, string? Required, string Source, JsonNode? Value);
