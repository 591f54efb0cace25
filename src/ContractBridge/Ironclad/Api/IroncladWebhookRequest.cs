using System.Text.Json.Serialization;

namespace ContractBridge.Ironclad.Api;

/// <summary>A webhook to create (with <see cref="TargetUrl"/>) or update (events only; a null target is left out).</summary>
public sealed record IroncladWebhookRequest(
    IReadOnlyList<string> Events,
    [property: JsonPropertyName("targetURL")] string? TargetUrl,
    string Status);
