using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Flows.Edits;

/// <summary>
/// Compares and shows attribute values by their type, as Ironclad means them: 25000 and 25000.0 are one number, a
/// monetary amount is its amount and currency whatever the key order, a date is its day ("2026-01-15" and
/// "2026-01-15T00:00:00.000Z"), an email ignores case. Without this, every edit would look like a change.
/// </summary>
public static class AttributeValues
{
    public static bool Same(string type, JsonNode? current, JsonNode? wanted)
    {
        if (current is null || wanted is null)
        {
            return current is null && wanted is null;
        }

        return type.ToLowerInvariant() switch
        {
            "number" => Number(current) is { } a && Number(wanted) is { } b && a == b,
            "monetaryamount" => current is JsonObject x && wanted is JsonObject y
                && Number(x["amount"]) is { } amountX && Number(y["amount"]) is { } amountY && amountX == amountY
                && string.Equals(Text(x["currency"]), Text(y["currency"]), StringComparison.OrdinalIgnoreCase),
            "date" => Day(current) is { } dayA && Day(wanted) is { } dayB && dayA == dayB,
            "email" => string.Equals(Text(current)?.Trim(), Text(wanted)?.Trim(), StringComparison.OrdinalIgnoreCase),
            "string" => string.Equals(Text(current), Text(wanted), StringComparison.Ordinal),
            _ => JsonNode.DeepEquals(current, wanted),
        };
    }

    /// <summary>The value as a person reads it in a comment or note: 30000 USD, 2026-01-15, "Acme Corp", (empty).</summary>
    public static string Show(string type, JsonNode? value)
    {
        if (value is null)
        {
            return "(empty)";
        }

        return type.ToLowerInvariant() switch
        {
            "monetaryamount" when value is JsonObject money && Number(money["amount"]) is { } amount =>
                $"{amount.ToString(CultureInfo.InvariantCulture)} {Text(money["currency"])}".TrimEnd(),
            "number" when Number(value) is { } number => number.ToString(CultureInfo.InvariantCulture),
            "date" when Day(value) is { } day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when Text(value) is { } text => $"\"{text}\"",
            _ => value.ToJsonString(),
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static DateOnly? Day(JsonNode? node)
    {
        var text = Text(node)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : null;
    }
}
