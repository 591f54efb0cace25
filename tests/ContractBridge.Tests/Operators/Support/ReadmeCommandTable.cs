using System.Text.RegularExpressions;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// The commands the README's "Operating it" table names (its first column, e.g. `jobs list [--status …]`, `jobs retry ID`):
/// each as its command words and the options it names.
/// </summary>
internal static partial class ReadmeCommandTable
{
    public static IReadOnlyList<(string Shown, IReadOnlyList<string> Path, IReadOnlyList<string> Options)> Read()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("README.md"));
        var section = lines.SkipWhile(l => l != "## Operating it").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        var firstCells = section.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split(" | ")[0]);
        return [.. firstCells.SelectMany(cell => Code().Matches(cell)).Select(m => m.Groups[1].Value).Select(shown => (
            shown,
            (IReadOnlyList<string>)[.. shown.Split(' ').TakeWhile(w => CommandWord().IsMatch(w))],
            (IReadOnlyList<string>)[.. OptionName().Matches(shown).Select(o => o.Value)]))];
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex("^[a-z][a-z-]*$")]
    private static partial Regex CommandWord();

    [GeneratedRegex("--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
