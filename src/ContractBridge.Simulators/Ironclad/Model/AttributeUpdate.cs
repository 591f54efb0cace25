using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// One accepted <c>PATCH /workflows/{id}/attributes</c>: when, what each path was set to (null for a removal), and the
/// comment that came with it.
/// </summary>
public sealed record AttributeUpdate(DateTimeOffset At, IReadOnlyDictionary<string, JsonNode?> Changes, string? Comment);
