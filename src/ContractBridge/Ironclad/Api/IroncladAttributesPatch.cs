using System.Text.Json.Nodes;

namespace ContractBridge.Ironclad.Api;

/// <summary>The body of PATCH /workflows/{id}/attributes: <c>{"updates":[{"action","path","value"}],"comment"}</c>.</summary>
public sealed record IroncladAttributesPatch(IReadOnlyList<IroncladAttributeUpdate> Updates, string Comment);

/// <summary>One update: <c>set</c> attribute <see cref="Path"/> to <see cref="Value"/>.</summary>
public sealed record IroncladAttributeUpdate(string Action, string Path, JsonNode? Value)
{
    public static IroncladAttributeUpdate Set(string path, JsonNode value) => new("set", path, value);
}
