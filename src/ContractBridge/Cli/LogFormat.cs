using System.CommandLine;

namespace ContractBridge.Cli;

/// <summary>
/// `--log-format json`: one JSON object per log line, for log shippers. The same switch as configuration
/// (<c>Logging:Console:FormatterName</c> = json, or env <c>Logging__Console__FormatterName</c>); the flag wins.
/// </summary>
public static class LogFormat
{
    public const string SettingKey = "Logging:Console:FormatterName";

    public static Option<string?> Option()
    {
        var option = new Option<string?>("--log-format") { Description = "Console log format: simple (default) or json (one JSON object per line)." };
        option.AcceptOnlyFromAmong("simple", "json");
        return option;
    }

    public static void Apply(ParseResult parse, Option<string?> option, IDictionary<string, string?> overrides)
    {
        if (parse.GetValue(option) is { } format)
        {
            overrides[SettingKey] = format;
        }
    }
}
