namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// What the README's code blocks tell a reader to run: in ```bash blocks, the ContractBridge command lines
/// (<c>dotnet run --project src/ContractBridge -- …</c>, <c>./ContractBridge …</c>), the exports and <c>cd</c>s around
/// them, and every other line (other tools); in ```ini blocks (the systemd unit), the <c>ExecStart=</c> command line.
/// </summary>
internal sealed class ReadmeShell
{
    private static readonly string[] DotnetRunPrefix = ["dotnet", "run", "--project", "src/ContractBridge", "--"];
    private const string Binary = "ContractBridge";

    private ReadmeShell(IReadOnlyList<ReadmeCommand> commands, IReadOnlyList<ReadmeExport> exports, IReadOnlyList<string> otherLines)
    {
        Commands = commands;
        Exports = exports;
        OtherLines = otherLines;
    }

    public static ReadmeShell Current { get; } = Parse(File.ReadAllLines(RepositoryRoot.File("README.md")));

    /// <summary>ContractBridge command lines, in the README's order.</summary>
    public IReadOnlyList<ReadmeCommand> Commands { get; }

    public IReadOnlyList<ReadmeExport> Exports { get; }

    /// <summary>Lines of ```bash blocks that run something other than ContractBridge, as shown (without comments).</summary>
    public IReadOnlyList<string> OtherLines { get; }

    public static ReadmeShell Parse(IReadOnlyList<string> readme)
    {
        var commands = new List<ReadmeCommand>();
        var exports = new List<ReadmeExport>();
        var others = new List<string>();
        foreach (var (language, lines) in Blocks(readme))
        {
            if (language == "bash")
            {
                ReadBash(lines, commands, exports, others);
            }
            else if (language == "ini")
            {
                ReadUnit(lines, commands);
            }
        }

        return new ReadmeShell(commands, exports, others);
    }

    private static void ReadBash(IReadOnlyList<string> lines, List<ReadmeCommand> commands, List<ReadmeExport> exports, List<string> others)
    {
        string? directory = null;
        foreach (var line in lines)
        {
            var words = ShellWords.Split(line);
            switch (words)
            {
                case []:
                    break;
                case ["export", var assignment] when assignment.IndexOf('=', StringComparison.Ordinal) is var equals and > 0:
                    exports.Add(new ReadmeExport(assignment[..equals], assignment[(equals + 1)..]));
                    break;
                case ["cd", var to]:
                    directory = to;
                    break;
                case var _ when words.Take(DotnetRunPrefix.Length).SequenceEqual(DotnetRunPrefix):
                    commands.Add(new ReadmeCommand(ShellWords.WithoutComment(line), [.. words.Skip(DotnetRunPrefix.Length)], directory));
                    break;
                case [var program, .. var arguments] when program == "./" + Binary:
                    commands.Add(new ReadmeCommand(ShellWords.WithoutComment(line), arguments, directory));
                    break;
                default:
                    others.Add(ShellWords.WithoutComment(line));
                    break;
            }
        }
    }

    /// <summary>A systemd unit: its ExecStart= runs the binary in its WorkingDirectory=.</summary>
    private static void ReadUnit(IReadOnlyList<string> lines, List<ReadmeCommand> commands)
    {
        const string ExecStart = "ExecStart=";
        const string WorkingDirectory = "WorkingDirectory=";
        var directory = lines.FirstOrDefault(l => l.StartsWith(WorkingDirectory, StringComparison.Ordinal))?[WorkingDirectory.Length..].Trim();
        foreach (var line in lines.Where(l => l.StartsWith(ExecStart, StringComparison.Ordinal)))
        {
            var words = ShellWords.Split(line[ExecStart.Length..]);
            if (words is [var program, .. var arguments] && Path.GetFileName(program) == Binary)
            {
                commands.Add(new ReadmeCommand(line.Trim(), arguments, directory));
            }
        }
    }

    private static IEnumerable<(string Language, IReadOnlyList<string> Lines)> Blocks(IReadOnlyList<string> readme)
    {
        string? language = null;
        var lines = new List<string>();
        foreach (var line in readme)
        {
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                lines.Add(line);
                continue;
            }

            if (language is null)
            {
                language = line[3..].Trim();
                lines = [];
            }
            else
            {
                yield return (language, lines);
                language = null;
            }
        }
    }
}
