namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A published template ("workflow schema"): its id changes each time it is re-published.</summary>
public sealed record WorkflowTemplate(string Id, string Name, IReadOnlyList<TemplateAttribute> Attributes, int Revision)
{
    /// <summary>The exhibits its workflows carry in their signature packet (see <see cref="TemplateDefinition.Exhibits"/>).</summary>
    public IReadOnlyList<string> Exhibits { get; init; } = [];

    public TemplateAttribute? Find(string attributeId) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Id, attributeId, StringComparison.Ordinal));
}
