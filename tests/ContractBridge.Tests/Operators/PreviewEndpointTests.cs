using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary><c>GET /api/preview/{leadId}</c>: the preview as JSON, for admins only, behind the dashboard's gate.</summary>
public sealed class PreviewEndpointTests
{
    [Fact]
    public async Task AnAdmin_GetsThePreviewAsJson_WithItsProblems_AndNothingIsWritten()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Initech", email: null, statusId: bridge.Account.SendContract);
        bridge.Kommo.Control.ResetCalls();
        bridge.Ironclad.Control.ResetCalls();
        using var client = new DashboardClient(bridge);

        using var response = await client.GetAsync($"/api/preview/{Id(lead)}", bearer: DashboardClient.AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((lead, "msa", "MSA", false), ((long)json["leadId"]!, (string)json["rule"]!, (string)json["templateName"]!, (bool)json["wouldLaunch"]!));
        var problem = json["problems"]!.AsArray().Single()!;
        Assert.Equal(("missing-required", "counterpartySignerEmail"), ((string)problem["code"]!, (string)problem["attribute"]!));
        Assert.DoesNotContain(json["attributes"]!.AsArray(), a => (string)a!["id"]! == "counterpartySignerEmail");
        await PreviewCommandTests.AssertNothingWrittenAsync(bridge, lead);
    }

    [Fact]
    public async Task ASignedInSession_PreviewsARuleTheDealIsNotInYet()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Hooli");
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        using var stageless = await client.GetAsync($"/api/preview/{Id(lead)}");
        using var named = await client.GetAsync($"/api/preview/{Id(lead)}?rule=msa");

        Assert.Equal(HttpStatusCode.OK, stageless.StatusCode);
        var body = await stageless.Content.ReadAsStringAsync();
        Assert.True("not-in-rule-stage" == (string?)JsonNode.Parse(body)!["problems"]![0]!["code"], body);
        var json = JsonNode.Parse(await named.Content.ReadAsStringAsync())!;
        Assert.Equal((true, false), ((bool)json["wouldLaunch"]!, (bool)json["inRuleStage"]!));
    }

    [Theory]
    [InlineData("/api/preview/987654321", HttpStatusCode.NotFound, "Kommo has no lead 987654321")]
    [InlineData("/api/preview/abc", HttpStatusCode.BadRequest, "'abc' is not one")]
    [InlineData("/api/preview/1?rule=lease", HttpStatusCode.BadRequest, "There is no rule named 'lease'")]
    public async Task AMissingLead_ABadId_AndAnUnknownRule_AreSaidAsJsonErrors(string path, HttpStatusCode status, string error)
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var response = await client.GetAsync(path, bearer: DashboardClient.AdminToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(error, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedOut_OrAWrongToken_Is401_AViewer403_AndNothingIsRead()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.WithViewer, registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Hooli", statusId: bridge.Account.SendContract);
        bridge.Kommo.Control.ResetCalls();
        using var client = new DashboardClient(bridge);

        using var signedOut = await client.GetAsync($"/api/preview/{Id(lead)}");
        using var wrong = await client.GetAsync($"/api/preview/{Id(lead)}", bearer: "test-admin-token-0123456780");
        using var viewer = await client.GetAsync($"/api/preview/{Id(lead)}", bearer: DashboardClient.ViewerToken);

        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.DoesNotContain("Hooli", await signedOut.Content.ReadAsStringAsync() + await wrong.Content.ReadAsStringAsync() + await viewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("GET /api/v4/leads", bridge.Kommo.Control.Calls.ByEndpoint.Keys);
    }

    [Fact]
    public async Task WithTheDashboardOff_ThePreviewIsOffToo_404()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var response = await client.GetAsync("/api/preview/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("CONTRACTBRIDGE_ADMIN_TOKEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Id(long lead) => lead.ToString(CultureInfo.InvariantCulture);
}
