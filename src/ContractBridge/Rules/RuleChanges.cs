using System.Globalization;
using System.Text.Json.Nodes;

namespace ContractBridge.Rules;

/// <summary>What changed between two versions of a rule, as the history shows it: each setting that differs, old → new.</summary>
public static class RuleChanges
{
    private const int MostShown = 12;

    /// <param name="before">The previous version's JSON; null when the rule is new or was deleted.</param>
    /// <param name="after">The new version's JSON; null for a deletion.</param>
    public static string Describe(string? before, string? after)
    {
        if (after is null)
        {
            return "deleted";
        }

        if (before is null)
        {
            return "created";
        }

        var old = Flatten(JsonNode.Parse(before));
        var now = Flatten(JsonNode.Parse(after));
        var changes = old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(path => !string.Equals(old.GetValueOrDefault(path), now.GetValueOrDefault(path), StringComparison.Ordinal))
            .Select(path => $"{path}: {old.GetValueOrDefault(path) ?? "(none)"} → {now.GetValueOrDefault(path) ?? "(none)"}")
            .ToList();
        return changes.Count switch
        {
            0 => "no change",
            <= MostShown => string.Join("; ", changes),
            _ => string.Join("; ", changes.Take(MostShown)) + string.Create(CultureInfo.InvariantCulture, $"; and {changes.Count - MostShown} more"),
        };
    }

    private static Dictionary<string, string?> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(node, string.Empty, values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, path.Length == 0 ? key : $"{path}.{key}", values);
                }

                break;
            case JsonArray array:
                values[path] = array.ToJsonString();
                break;
            case null:
                values[path] = null;
                break;
            default:
                values[path] = node.ToJsonString();
                break;
        }
    }
}
