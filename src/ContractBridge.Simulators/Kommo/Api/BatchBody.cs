using System.Text.Json;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>Checks a batch body: a JSON array of 1 to 250 items (Kommo's ceiling per request).</summary>
internal static class BatchBody
{
    public const int MaxItems = 250;

    /// <summary>The items; null when the body was refused, after writing Kommo's 400.</summary>
    public static async Task<IReadOnlyList<JsonElement>?> ItemsAsync(HttpContext context, JsonDocument document)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            await KommoHttp.WriteBadRequestAsync(context, "Request body must be a JSON array");
            return null;
        }

        var items = document.RootElement.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            await KommoHttp.WriteBadRequestAsync(context, "Request body must not be empty");
            return null;
        }

        if (items.Count > MaxItems)
        {
            await KommoHttp.WriteBadRequestAsync(context, $"At most {MaxItems} entities can be sent in one request, got {items.Count}");
            return null;
        }

        return items;
    }
}
