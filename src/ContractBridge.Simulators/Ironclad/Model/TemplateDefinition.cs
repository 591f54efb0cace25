namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// What a template is made of before it is published: a name and launch-form attributes. Publishing gives it an id;
/// re-publishing gives it a new one.
/// </summary>
public sealed record TemplateDefinition(string Name, IReadOnlyList<TemplateAttribute> Attributes)
{
    /// <summary>
    /// File names of the exhibits every workflow of this template carries in its signature packet after the main
    /// contract (e.g. <c>Exhibit A - Order Form.pdf</c>); none by default.
    /// </summary>
    public IReadOnlyList<string> Exhibits { get; init; } = [];
}
