using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// One field of a template's launch form. <see cref="Required"/> is Ironclad's "always" (true) or "never" (false);
/// <see cref="Default"/> is what <c>useDefaultValues=true</c> fills in when the launch leaves the field out.
/// <see cref="ReadOnly"/> marks the field read-only on a launched workflow (its schema says <c>readOnly: true</c>, as
/// Ironclad does for fields an integration or formula owns): a launch may still fill it, the attribute PATCH refuses it.
/// </summary>
public sealed record TemplateAttribute(
    string Id,
    string Type,
    string DisplayName,
    bool Required = false,
    JsonNode? Default = null,
    string? ElementType = null,
    IReadOnlyList<string>? Options = null,
    bool ReadOnly = false);
