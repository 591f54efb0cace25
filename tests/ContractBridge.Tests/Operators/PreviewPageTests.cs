using System.Globalization;
using System.Net;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary><c>GET /preview</c>: the dashboard's dry run of a deal, by number or by name, for admins only; it launches nothing.</summary>
public sealed class PreviewPageTests
{
    [Fact]
    public async Task ByNumber_ThePageListsEveryAttributeAndTheProblem_AndNothingIsWritten()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Initech platform", email: null, statusId: bridge.Account.SendContract);
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        using var response = await client.GetAsync($"/preview?deal={Id(lead)}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-testid=\"preview-problems\"", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"missing-required\"", html, StringComparison.Ordinal);
        Assert.Contains("data-attribute=\"counterpartyName\"", html, StringComparison.Ordinal);
        Assert.Contains("Initech platform", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/preview\">Dry run</a>", html, StringComparison.Ordinal);
        await PreviewCommandTests.AssertNothingWrittenAsync(bridge, lead);
    }

    [Fact]
    public async Task ByName_TheMatchesAreOffered_AndARuleTheDealIsNotInYetWouldLaunch()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var hooli = bridge.Account.AddDeal("Hooli cloud licence");
        bridge.Account.AddDeal("Globex support");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        var matches = await (await client.GetAsync("/preview?deal=hooli&rule=msa")).Content.ReadAsStringAsync();
        using var named = await client.GetAsync($"/preview?deal={Id(hooli)}&rule=msa");
        var nothing = await (await client.GetAsync("/preview?deal=umbrella")).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/preview?deal={Id(hooli)}&amp;rule=msa\"", matches, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex support", matches, StringComparison.Ordinal);
        var html = await named.Content.ReadAsStringAsync();
        Assert.Contains("Would launch", html, StringComparison.Ordinal);
        Assert.Contains("the deal is not there yet", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"preview-no-match\"", nothing, StringComparison.Ordinal);
        Assert.Empty(bridge.Ironclad.Control.Workflows());
    }

    [Theory]
    [InlineData("/preview?deal=987654321", HttpStatusCode.NotFound, "Kommo has no lead 987654321")]
    [InlineData("/preview?deal=1&rule=lease", HttpStatusCode.BadRequest, "There is no rule named &#x27;lease&#x27;")]
    public async Task AMissingLead_AndAnUnknownRule_AreSaidInWords(string path, HttpStatusCode status, string words)
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var response = await client.GetAsync(path, bearer: DashboardClient.AdminToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(words, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLongAName_Is400_AndKommoIsNotAsked()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);
        bridge.Kommo.Control.ResetCalls();

        using var response = await client.GetAsync("/preview?deal=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("up to 200 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(bridge.Kommo.Control.Calls.ByEndpoint.ContainsKey("GET /api/v4/leads"));
    }

    [Fact]
    public async Task AViewer_Is403_AndSeesNoDryRunLink()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.WithViewer, registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var preview = await client.GetAsync("/preview?deal=1", bearer: DashboardClient.ViewerToken);
        var overview = await (await client.GetAsync("/", bearer: DashboardClient.ViewerToken)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.DoesNotContain("href=\"/preview\"", overview, StringComparison.Ordinal);
    }

    private static string Id(long lead) => lead.ToString(CultureInfo.InvariantCulture);
}
