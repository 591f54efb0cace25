using System.Text.Json;
using System.Text.Json.Serialization;
using ContractBridge.Configuration;

namespace ContractBridge.Rules;

/// <summary>A rule as stored: the same shape as its appsettings section (enums by name, TimeSpans as 5.00:00:00).</summary>
public static class RuleJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(ContractRule rule) => JsonSerializer.Serialize(rule, Options);

    public static ContractRule Read(string json) =>
        JsonSerializer.Deserialize<ContractRule>(json, Options) ?? throw new JsonException("A stored rule is null.");
}
