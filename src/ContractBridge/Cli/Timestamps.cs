using System.Globalization;

namespace ContractBridge.Cli;

/// <summary>One way to print an instant: UTC, to the second, sortable, with the Z that says which zone it is.</summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset? instant) =>
        instant is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";
}
