using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>
/// Kommo's shape for entities answered together (a batch write's results, an unpaged listing): <c>_links.self</c> and
/// <c>_embedded.{name}</c>, the listings counting them in <c>_total_items</c> first.
/// </summary>
internal static class HalCollection
{
    public static JsonObject Create(string self, string name, IEnumerable<JsonObject> items) => new()
    {
        ["_links"] = KommoLinks.Self(self),
        ["_embedded"] = new JsonObject { [name] = new JsonArray([.. items]) },
    };

    public static JsonObject WithTotal(string self, string name, IReadOnlyCollection<JsonObject> items) => new()
    {
        ["_total_items"] = items.Count,
        ["_links"] = KommoLinks.Self(self),
        ["_embedded"] = new JsonObject { [name] = new JsonArray([.. items]) },
    };
}
