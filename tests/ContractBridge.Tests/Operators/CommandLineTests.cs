using System.CommandLine;
using System.Reflection;
using ContractBridge.Cli;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>The binary's command line as the README describes it: which commands and options there are, and how values are read.</summary>
public sealed class CommandLineTests
{
    /// <summary>Commands that read no configuration, and why: they need neither --data-dir nor --postgres.</summary>
    private static readonly Dictionary<string, string> WithoutConfiguration = new(StringComparer.Ordinal)
    {
        ["demo"] = "starts its own simulators and service, on SQLite in a temporary directory",
    };

    [Fact]
    public void EveryCommandThatReadsTheConfiguration_TakesDataDirAndPostgres()
    {
        var commands = Leaves(BridgeCli.Create()).Where(c => !WithoutConfiguration.ContainsKey(c.Name)).ToList();

        Assert.Contains(commands, c => c.Name == "check");
        Assert.All(commands, command =>
        {
            Assert.Contains(command.Options, o => o.Name == "--data-dir");
            Assert.Contains(command.Options, o => o.Name == "--postgres");
        });
    }

    [Fact]
    public async Task DataDir_IsTakenByEveryCommand_AsTheReadmeSays()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var settings = OperatorSettings.From(bridge);
        var dataDir = settings["ContractBridge:DataDirectory"]!;
        settings.Remove("ContractBridge:DataDirectory");

        foreach (var command in new[] { new[] { "check" }, ["templates", "list"], ["templates", "show", "MSA"], ["webhooks", "register"], ["contracts", "list"], ["jobs", "list"] })
        {
            var result = await CliRun.RunAsync(settings, [.. command, "--data-dir", dataDir]);

            Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)} --data-dir: {result}");
            if (command[0] is "contracts" or "jobs")
            {
                Assert.Contains($"Database: SQLite at {Path.GetFullPath(dataDir)}", result.Error, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ADataDirectoryThatCannotBeCreated_IsOneLine_NotAStackTrace()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = await CliRun.RunAsync(new Dictionary<string, string?>(), "jobs", "list", "--data-dir", Path.Combine(file, "data"));

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("A file could not be used (is --data-dir, CONTRACTBRIDGE_DATA_DIR, right?): ", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("exception", result.All, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("bridge.acme.example")]
    [InlineData("ftp://bridge.acme.example")]
    [InlineData("/webhooks")]
    [InlineData("https://")]
    public async Task PublicUrl_ThatIsNoHttpAddress_IsRefusedWithAMessage_NotAnException(string value)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), "webhooks", "register", "--public-url", value);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"--public-url must be an absolute http(s) address such as https://bridge.example.com, not '{value}'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("exception", result.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Version_IsTheBuildsVersion_OnALineOfItsOwn()
    {
        var version = typeof(BridgeCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var result = await ChildProcess.RunAsync(ChildProcess.ServiceAssembly, ["--version"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(version + Environment.NewLine, result.Output);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void TheReadmesCommandTable_NamesCommandsAndOptionsTheBinaryHas()
    {
        var table = ReadmeCommandTable.Read();
        var root = BridgeCli.Create();

        Assert.Contains(table, row => row.Shown == "check");
        Assert.All(table, row =>
        {
            var command = row.Path.Aggregate((Command?)root, (parent, name) => parent?.Subcommands.FirstOrDefault(c => c.Name == name));
            Assert.True(command is not null && command != root, $"The README's `{row.Shown}` is no command of the binary.");
            Assert.All(row.Options, option => Assert.True(
                command.Options.Any(o => o.Name == option || o.Aliases.Contains(option)),
                $"The README's `{row.Shown}` names {option}, which `{string.Join(' ', row.Path)}` does not take."));
        });
    }

    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves);
}
