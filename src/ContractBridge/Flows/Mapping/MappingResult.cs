using System.Text.Json.Nodes;

namespace ContractBridge.Flows.Mapping;

/// <summary>The attributes to launch with, or the problems that stop the launch.</summary>
public sealed record MappingResult(JsonObject Attributes, IReadOnlyList<MappingProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
