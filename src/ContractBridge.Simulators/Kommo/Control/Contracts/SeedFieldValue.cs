using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>
/// Values for one custom field, as Kommo's API takes them: text, a number, true/false, a unix date, or for select
/// fields the choice's text. In C#: <c>new SeedFieldValue { FieldId = id, Values = ["Website"] }</c>.
/// </summary>
public sealed record SeedFieldValue
{
    public required long FieldId { get; init; }

    public required IReadOnlyList<JsonNode?> Values { get; init; }
}
