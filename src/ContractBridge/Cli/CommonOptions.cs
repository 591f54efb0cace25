using System.CommandLine;

namespace ContractBridge.Cli;

/// <summary>Options shared by the commands that open the service's configuration and database.</summary>
public static class CommonOptions
{
    public static Option<string?> DataDir() => new("--data-dir")
    {
        Description = "Where the SQLite database lives (default ./data; env CONTRACTBRIDGE_DATA_DIR).",
    };

    public static Option<string?> Postgres() => new("--postgres")
    {
        Description = "A PostgreSQL connection string; several instances may share it (env CONTRACTBRIDGE_POSTGRES).",
    };

    /// <summary>Configuration overrides from the flags that were given.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse, Option<string?> dataDir, Option<string?> postgres)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(dataDir) is { } dir)
        {
            overrides["ContractBridge:DataDirectory"] = dir;
        }

        if (parse.GetValue(postgres) is { } connection)
        {
            overrides["ContractBridge:Postgres"] = connection;
        }

        return overrides;
    }

    /// <summary>The caller's settings with the flags' overrides on top (flags win).</summary>
    public static IReadOnlyDictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> settings, ParseResult parse, Option<string?> dataDir, Option<string?> postgres)
    {
        var merged = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Overrides(parse, dataDir, postgres))
        {
            merged[key] = value;
        }

        return merged;
    }
}
