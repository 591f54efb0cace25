using System.CommandLine;

namespace ContractBridge.Cli;

/// <summary>
/// The options every command that reads the service's configuration takes, as the README promises: `--data-dir` and
/// `--postgres`, over appsettings and the environment. <see cref="CommandRunner.SetAction"/> adds them to every such
/// command, so none can be without them.
/// </summary>
public sealed class CommonOptions
{
    private CommonOptions()
    {
    }

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Where the SQLite database lives (default ./data; env CONTRACTBRIDGE_DATA_DIR).",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "A PostgreSQL connection string; several instances may share it (env CONTRACTBRIDGE_POSTGRES).",
    };

    /// <summary>Adds both options to the command, for its action to read.</summary>
    public static CommonOptions AddTo(Command command)
    {
        var options = new CommonOptions();
        command.Options.Add(options.DataDir);
        command.Options.Add(options.Postgres);
        return options;
    }

    /// <summary>Configuration overrides from the flags that were given.</summary>
    public Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(DataDir) is { } dir)
        {
            overrides["ContractBridge:DataDirectory"] = dir;
        }

        if (parse.GetValue(Postgres) is { } connection)
        {
            overrides["ContractBridge:Postgres"] = connection;
        }

        return overrides;
    }

    /// <summary>The caller's settings with the flags' overrides on top (flags win).</summary>
    public IReadOnlyDictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> settings, ParseResult parse)
    {
        var merged = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Overrides(parse))
        {
            merged[key] = value;
        }

        return merged;
    }
}
