using System.Text.Json.Nodes;

namespace ContractBridge.Flows.Mapping;

/// <summary>
/// The attributes to launch with, or the problems that stop the launch; <see cref="Sources"/> says which term of each
/// attribute's expression gave its value (the first with one).
/// </summary>
public sealed record MappingResult(JsonObject Attributes, IReadOnlyList<MappingProblem> Problems, IReadOnlyDictionary<string, MappingSource> Sources)
{
    public bool Succeeded => Problems.Count == 0;
}
