using System.Globalization;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>`contracts story` prints a deal's story; `contracts list --query` finds contracts by lead, IC number or deal name.</summary>
public sealed class ContractStoryCommandTests
{
    [Fact]
    public async Task StoryAndSearch_PrintTheDeal_AndFindItByNameNumberAndLead()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Globex Licence");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, workflow.IroncladId);
        var settings = OperatorSettings.From(bridge);
        var leadText = lead.ToString(CultureInfo.InvariantCulture);

        var story = await CliRun.RunAsync(settings, "contracts", "story", leadText);
        var byName = await CliRun.RunAsync(settings, "contracts", "list", "--query", "globex l");
        var byNumber = await CliRun.RunAsync(settings, "contracts", "list", "--query", workflow.IroncladId.ToLowerInvariant());
        var byLead = await CliRun.RunAsync(settings, "contracts", "list", "--query", leadText);
        var none = await CliRun.RunAsync(settings, "contracts", "list", "--query", "Umbrella");
        var unknown = await CliRun.RunAsync(settings, "contracts", "story", "987654321");

        Assert.True(story.ExitCode == 0, story.ToString());
        var lines = story.Output.Split('\n');
        Assert.StartsWith($"Deal {leadText}: Globex Licence", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith(workflow.Id + " ", StringComparison.Ordinal) && l.Contains(workflow.IroncladId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" Launching ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" contract.launch ", StringComparison.Ordinal) && l.Contains("Launch the contract in Ironclad", StringComparison.Ordinal) && l.Contains(" succeeded ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" kommo.note ", StringComparison.Ordinal) && l.Contains("Write a note on the deal", StringComparison.Ordinal));
        Assert.True(Array.IndexOf(lines, lines.First(l => l.StartsWith("States (", StringComparison.Ordinal))) < Array.IndexOf(lines, lines.First(l => l.StartsWith("Jobs (", StringComparison.Ordinal))));
        Assert.Contains(lines, l => l.StartsWith("Events (", StringComparison.Ordinal) && !l.StartsWith("Events (0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" kommo ", StringComparison.Ordinal));
        var written = Array.IndexOf(lines, lines.First(l => l.StartsWith("Written to Kommo (", StringComparison.Ordinal)));
        Assert.Contains(lines[written..], l => l.Contains(" note ", StringComparison.Ordinal) && l.Contains(workflow.IroncladId, StringComparison.Ordinal));

        foreach (var found in new[] { byName, byNumber, byLead })
        {
            Assert.True(found.ExitCode == 0, found.ToString());
            Assert.Single(found.Output.Split('\n'), l => l.StartsWith(leadText + " ", StringComparison.Ordinal) && l.Contains(workflow.IroncladId, StringComparison.Ordinal));
            Assert.Contains("1 contract(s) match", found.Output, StringComparison.Ordinal);
        }

        Assert.True(none.ExitCode == 1, none.ToString());
        Assert.Contains("0 contract(s) match \"Umbrella\"", none.Output, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("no contract, job or event about lead 987654321", unknown.Error, StringComparison.Ordinal);
    }
}
