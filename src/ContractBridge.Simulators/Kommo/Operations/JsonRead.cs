using System.Text.Json;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>Strict readers for request fields: an integer must be a JSON integer, a string a JSON string.</summary>
internal static class JsonRead
{
    public static bool Has(JsonElement obj, string name) => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);

    public static bool IsInteger(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);

    /// <summary>The integer at <paramref name="name"/>; null when absent; an InvalidType error when present but not an integer.</summary>
    public static long? Integer(JsonElement obj, string name, string path, List<Api.ValidationError> errors)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        errors.Add(Api.ValidationError.InvalidType(path, "int"));
        return null;
    }

    public static string? String(JsonElement obj, string name, string path, List<Api.ValidationError> errors)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(Api.ValidationError.InvalidType(path, "string"));
        return null;
    }

    /// <summary>The request_id a client may put on a batch item; the item's index otherwise, as Kommo numbers them.</summary>
    public static string RequestId(JsonElement item, int index) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString() ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
