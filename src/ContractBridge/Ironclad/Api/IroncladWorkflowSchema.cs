namespace ContractBridge.Ironclad.Api;

/// <summary>A template: GET /workflow-schemas?form=launch lists them as <c>{"list":[{"id","name","schema"}]}</c>.</summary>
public sealed record IroncladWorkflowSchema(string Id, string Name, IReadOnlyDictionary<string, IroncladAttributeSchema>? Schema)
{
    public IReadOnlyDictionary<string, IroncladAttributeSchema> Attributes => Schema ?? new Dictionary<string, IroncladAttributeSchema>();
}
