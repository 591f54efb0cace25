using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractBridge.Kommo.Api;

/// <summary>Kommo's wire format: snake_case names, numbers for ids, nulls left out when we write.</summary>
public static class KommoJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
