using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Mapping;

/// <summary>A rule's mapping checked against a template's schema: what fills each attribute, and what is wrong statically.</summary>
public sealed record MappingPlan(
    string TemplateName,
    IReadOnlyList<PlannedAttribute> Attributes,
    IReadOnlyList<MappingProblem> Problems);

public sealed record PlannedAttribute(string Id, IroncladAttributeSchema Schema, MappingExpression Expression);
