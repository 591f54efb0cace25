using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.Configuration;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>The running harness's own configuration (same accounts, same database), as an operator's CLI would see it.</summary>
internal static class OperatorSettings
{
    public static Dictionary<string, string?> From(BridgeHarness bridge, params (string Key, string? Value)[] changes)
    {
        var settings = bridge.App.Configuration.AsEnumerable()
            .Where(e => e.Value is not null && (e.Key.StartsWith("ContractBridge:", StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        settings["ContractBridge:PublicUrl"] = bridge.Url.ToString();
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }
}
