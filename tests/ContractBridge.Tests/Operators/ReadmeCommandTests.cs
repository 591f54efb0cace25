using System.Text.Json;
using System.Text.RegularExpressions;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>
/// Every ContractBridge command line the README shows, run as a reader would run it: the real binary as its own process,
/// with the README's own arguments and exported variables, against the simulators (the README's values that would reach
/// the outside world replaced by stand-ins, see <see cref="ReadmeWorld"/>). A README line the tables below do not know
/// fails, so a new command in the README gets a test.
/// </summary>
public sealed partial class ReadmeCommandTests
{
    /// <summary>Each ContractBridge command line of the README (as shown, without its comment) and what it must do.</summary>
    private static readonly Dictionary<string, ReadmeExpectation> Commands = new(StringComparer.Ordinal)
    {
        ["dotnet run --project src/ContractBridge -- demo"] = ReadmeExpectation.Exits(0, "expectations met"),
        ["dotnet run --project src/ContractBridge -- serve --urls http://0.0.0.0:8080 --data-dir /var/lib/contractbridge"] = ReadmeExpectation.ServesUntilStopped(),
        ["./ContractBridge check"] = ReadmeExpectation.Exits(0, " 0 failed"),
        ["./ContractBridge webhooks register --public-url https://bridge.acme.example"] = ReadmeExpectation.Exits(0, "registered", world =>
        {
            Assert.Contains(world.Simulators.Kommo.Control.Webhooks, w => w.Destination.ToString().StartsWith(ReadmeWorld.PublicUrl + "/webhooks/kommo/", StringComparison.Ordinal));
            Assert.Contains(world.Simulators.Ironclad.Control.Webhooks(), w => w.TargetUrl.ToString() == ReadmeWorld.PublicUrl + "/webhooks/ironclad");
        }),
        ["ExecStart=/opt/contractbridge/ContractBridge serve --urls http://127.0.0.1:8080 --data-dir /var/lib/contractbridge --log-format json"] = ReadmeExpectation.ServesUntilStopped(jsonLogs: true),
    };

    /// <summary>The other programs the README's shell blocks run (by how their lines start), and why the test leaves them alone.</summary>
    private static readonly (string Prefix, string Why)[] OtherTools =
    [
        ("bash scripts/test.sh", "the test command: it runs this test"),
        ("dotnet test ", "runs the test suites, this one among them"),
        ("dotnet run -c Release --project bench/ContractBridge.Bench -- ", "the benchmarks: minutes of full load on a Release build"),
        ("dotnet run -c Release --project tools/ContractBridge.Chaos -- ", "the long chaos runs: ChaosRunTests run its scenarios small; its --help is run below"),
    ];

    public static TheoryData<string> CommandLines => new(ReadmeShell.Current.Commands.Select(c => c.Shown));

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task EveryCommandTheReadmeShows_WorksAsShown_AgainstTheSimulators(string shown)
    {
        Assert.True(Commands.TryGetValue(shown, out var expected), $"The README shows `{shown}`, which {nameof(Commands)} does not know: say what it must do.");
        var command = ReadmeShell.Current.Commands.First(c => c.Shown == shown);
        await using var world = await ReadmeWorld.StartAsync();
        var environment = world.Environment(ReadmeShell.Current.Exports);

        var result = expected.RunsUntilStopped
            ? await ServeUntilStoppedAsync(world, command, environment)
            : await ChildProcess.RunAsync(ChildProcess.ServiceAssembly, world.Arguments(command), environment, world.WorkingDirectory(command));

        Assert.True(result.ExitCode == expected.ExitCode, $"`{shown}` exited {result.ExitCode}, not {expected.ExitCode}.\n{result}");
        AssertNoCrash(result);
        if (expected.Prints is { } text)
        {
            Assert.True(result.All.Contains(text, StringComparison.Ordinal), $"`{shown}` did not print '{text}'.\n{result}");
        }

        if (expected.JsonLogs)
        {
            Assert.All(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        }

        Assert.DoesNotContain(environment["KOMMO_WEBHOOK_SECRET"], result.All, StringComparison.Ordinal);
        expected.Then?.Invoke(world);
    }

    [Fact]
    public void EveryCommandOfTheTable_IsStillInTheReadme()
    {
        var shown = ReadmeShell.Current.Commands.Select(c => c.Shown).ToHashSet(StringComparer.Ordinal);

        Assert.All(Commands.Keys, command => Assert.True(shown.Contains(command), $"The README no longer shows `{command}`: remove it from {nameof(Commands)}."));
    }

    [Fact]
    public void EveryOtherLineOfTheReadmesShellBlocks_RunsAKnownTool()
    {
        Assert.NotEmpty(ReadmeShell.Current.OtherLines);
        Assert.All(ReadmeShell.Current.OtherLines, line => Assert.True(
            OtherTools.Any(t => line.StartsWith(t.Prefix, StringComparison.Ordinal)),
            $"The README's shell blocks run `{line}`: a ContractBridge command in a form {nameof(ReadmeShell)} does not read, or a tool {nameof(OtherTools)} does not name."));
    }

    [Fact]
    public void EveryVariableTheReadmeExports_HasAValueInTheTest()
    {
        Assert.NotEmpty(ReadmeShell.Current.Exports);
        Assert.All(ReadmeShell.Current.Exports, export => Assert.True(ReadmeWorld.Variables.ContainsKey(export.Name), $"The README exports {export.Name}: give it a value in {nameof(ReadmeWorld)}.{nameof(ReadmeWorld.Variables)}."));
    }

    [Fact]
    public async Task TheChaosTool_ShowsItsHelp()
    {
        var result = await ChildProcess.RunAsync(ChildProcess.ChaosAssembly, ["--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        AssertNoCrash(result);
    }

    /// <summary>Starts a command that runs until stopped, waits until it answers /readyz, and stops it as systemd does.</summary>
    private static async Task<CliResult> ServeUntilStoppedAsync(ReadmeWorld world, ReadmeCommand command, IReadOnlyDictionary<string, string> environment)
    {
        await using var process = ChildProcess.Start(ChildProcess.ServiceAssembly, world.Arguments(command), environment, world.WorkingDirectory(command));
        await process.WaitReadyAsync(world.ServeUrl);
        await process.TerminateAsync();
        return await process.WaitForExitAsync();
    }

    private static void AssertNoCrash(CliResult result)
    {
        Assert.DoesNotContain("Unhandled exception", result.All, StringComparison.OrdinalIgnoreCase);
        Assert.False(StackFrame().IsMatch(result.All), $"A stack trace was printed.\n{result}");
    }

    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
