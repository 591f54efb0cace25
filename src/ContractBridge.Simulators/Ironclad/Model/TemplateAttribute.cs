using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// One field of a template's launch form. <see cref="Required"/> is Ironclad's "always" (true) or "never" (false);
/// <see cref="Default"/> is what <c>useDefaultValues=true</c> fills in when the launch leaves the field out.
/// </summary>
public sealed record TemplateAttribute(
    string Id,
    string Type,
    string DisplayName,
    bool Required = false,
    JsonNode? Default = null,
    string? ElementType = null,
    IReadOnlyList<string>? Options = null);
