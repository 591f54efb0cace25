namespace ContractBridge.Demo;

/// <summary>A deal of the story: its Kommo lead id, its name and its pipeline.</summary>
public sealed record DemoDeal(long LeadId, string Name, string Pipeline)
{
    public override string ToString() => $"'{Name}'";
}
