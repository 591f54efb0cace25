namespace ContractBridge.Flows.Mapping;

/// <summary>Why an attribute cannot be filled: always names the attribute, and says what to fix.</summary>
public sealed record MappingProblem(string Attribute, string Message, MappingProblemKind Kind)
{
    public override string ToString() => $"{Attribute}: {Message}";
}
