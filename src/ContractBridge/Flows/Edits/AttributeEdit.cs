using System.Text.Json.Nodes;

namespace ContractBridge.Flows.Edits;

/// <summary>
/// One attribute whose value in the workflow differs from what the deal maps to now: which attribute, the deal field
/// that gives it (<c>lead.price</c>), the value shown before and after, and the value to set.
/// </summary>
public sealed record AttributeEdit(string Attribute, string? DisplayName, string Source, string From, string To, JsonNode Value)
{
    /// <summary>"Contract Value (contractValue), from lead.price: 25000 USD → 30000 USD".</summary>
    public string Describe() =>
        $"{(DisplayName is null ? Attribute : $"{DisplayName} ({Attribute})")}, from {Source}: {From} → {To}";
}
