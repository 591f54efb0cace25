using System.Text.RegularExpressions;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>The events the overview and /events list name the deals they concern, each linked to that deal's story.</summary>
public sealed partial class DashboardEventsTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/events")]
    public async Task ALaunchedDealsEvent_LinksToTheDealsStory(string path)
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration);
        var quiet = bridge.Account.AddDeal("Initech");
        var lead = bridge.Account.AddDeal("Globex <MSA>");
        await LifecycleSteps.LaunchAsync(bridge, lead);
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        var page = await client.GetPageAsync(path);

        var rows = EventRow().Matches(page).Select(m => m.Value).ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, row => row.Contains($"<a href=\"/deals/{lead}\" data-lead=\"{lead}\">Globex &lt;MSA&gt;</a>", StringComparison.Ordinal));
        Assert.DoesNotContain($"/deals/{quiet}\"", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr data-event=\"[0-9]+\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex EventRow();
}
