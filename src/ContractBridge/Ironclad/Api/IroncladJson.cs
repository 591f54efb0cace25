using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractBridge.Ironclad.Api;

/// <summary>Ironclad's wire format: camelCase names.</summary>
public static class IroncladJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
