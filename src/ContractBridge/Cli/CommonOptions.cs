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
}
