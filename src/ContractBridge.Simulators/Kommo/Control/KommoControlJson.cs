using System.Text.Json;

namespace ContractBridge.Simulators.Kommo.Control;

/// <summary>The control API's JSON: snake_case like Kommo's own, durations as "hh:mm:ss.fff", instants as ISO 8601.</summary>
public static class KommoControlJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
