using System.Globalization;

namespace ContractBridge.Bench.Ingest;

/// <summary>The ingest benchmark's command line.</summary>
internal sealed record IngestSettings(string? Postgres, TimeSpan Duration, TimeSpan WarmUp, string Output, string? OnlyStore, int? ConcurrentCommits)
{
    public static IngestSettings Parse(IReadOnlyList<string> args)
    {
        string? postgres = null;
        var seconds = 10.0;
        string? output = null;
        string? only = null;
        int? commits = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--postgres":
                    postgres = args[++i];
                    break;
                case "--seconds":
                    seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--quick":
                    seconds = 2;
                    break;
                case "--store":
                    only = args[++i];
                    break;
                case "--commits":
                    commits = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--output":
                    output = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Options: --postgres <conn>, --seconds N, --quick, --store sqlite|postgresql, --commits N, --output path.");
            }
        }

        var duration = TimeSpan.FromSeconds(seconds);
        var warmUp = TimeSpan.FromSeconds(Math.Min(2, seconds / 4));
        return new IngestSettings(postgres, duration, warmUp, output ?? Path.Combine(RepositoryRoot(), "bench", "results", "ingest.json"), only, commits);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContractBridge.slnx")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
