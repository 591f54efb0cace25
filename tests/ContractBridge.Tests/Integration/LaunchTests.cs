using System.Net;
using System.Text;
using ContractBridge.Contracts;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

public sealed class LaunchTests
{
    [Fact]
    public async Task DealMovedToSendContract_LaunchesACompleteWorkflow_AndNotesTheDeal()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Globex MSA", price: 48_000, email: "hank@globex.example", contactName: "Hank Scorpio");

        bridge.Account.MoveToSendContract(lead);

        var note = await Eventually.GetAsync(() => bridge.Kommo.Control.GetLead(lead)!.Notes.FirstOrDefault(n => n.Text?.Contains("launched", StringComparison.Ordinal) == true), "the launch note");
        var workflow = Assert.Single(bridge.Ironclad.Control.Workflows());
        Assert.Equal("MSA", workflow.TemplateName);
        Assert.Equal("Globex MSA Ltd", (string?)workflow.Attributes["counterpartyName"]);
        Assert.Equal("Hank Scorpio", (string?)workflow.Attributes["counterpartySignerName"]);
        Assert.Equal("hank@globex.example", (string?)workflow.Attributes["counterpartySignerEmail"]);
        Assert.Equal(lead.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)workflow.Attributes["kommoLeadId"]);
        Assert.Equal(48_000m, workflow.Attributes["contractValue"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("USD", (string?)workflow.Attributes["contractValue"]!["currency"]);
        Assert.Contains(workflow.IroncladId, note.Text, StringComparison.Ordinal);
        Assert.Contains(workflow.Id, note.Text, StringComparison.Ordinal);
        Assert.Contains($"/workflows/{workflow.Id}", note.Text, StringComparison.Ordinal);
        var link = await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None);
        Assert.Equal((workflow.Id, workflow.IroncladId, ContractState.Created), (link!.WorkflowId, link.IroncladNumber, link.State));
    }

    [Fact]
    public async Task DealWithoutEmail_GetsOneNoteSayingWhatToFix_AndNoWorkflow()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Initech", email: null, contactName: "Bill Lumbergh");

        bridge.Account.MoveToSendContract(lead);

        var note = await Eventually.GetAsync(() => bridge.Kommo.Control.GetLead(lead)!.Notes.FirstOrDefault(), "the problem note");
        Assert.Contains("counterpartySignerEmail", note.Text, StringComparison.Ordinal);
        Assert.Contains("'Bill Lumbergh' has no email", note.Text, StringComparison.Ordinal);
        Assert.Contains("move the deal to 'Send contract' again", note.Text, StringComparison.Ordinal);
        Assert.Empty(bridge.Ironclad.Control.Workflows());
        Assert.Null(await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None));
    }

    [Fact]
    public async Task SeveralLeadsInOneBody_EachLaunchOnce()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var leads = Enumerable.Range(1, 5).Select(i => bridge.Account.AddDeal($"Client {i}")).ToArray();

        bridge.Account.MoveToSendContract(leads);

        await Eventually.TrueAsync(() => leads.All(l => bridge.Kommo.Control.GetLead(l)!.Notes.Count == 1), "a note on every deal");
        var workflows = bridge.Ironclad.Control.Workflows();
        Assert.Equal(leads.Length, workflows.Count);
        Assert.Equal(leads.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), workflows.Select(w => (string)w.Attributes["kommoLeadId"]!).Order());
        // One status body for the five moves; the bridge's own notes come back as note_lead bodies since it registers for them.
        Assert.Single(bridge.Kommo.Control.EmittedWebhooks, w => w.Actions.Contains("status"));
    }

    [Fact]
    public async Task WrongSecret_IsRefused_AndNothingIsStored()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        using var body = new StringContent("leads[status][0][id]=1&leads[status][0][status_id]=2", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await bridge.Http.PostAsync(new Uri("/webhooks/kommo/not-the-secret", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await bridge.Store.CountEventsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MalformedBody_Is400WithAMessage_AndNothingIsStored()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        using var body = new StringContent("leads[status][0][id]=abc", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await bridge.Http.PostAsync(new Uri(BridgeHarness.KommoWebhookPath, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be an integer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await bridge.Store.CountEventsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task BodyOverOneMebibyte_Is413()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        using var body = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
        body.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var response = await bridge.Http.PostAsync(new Uri(BridgeHarness.KommoWebhookPath, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await bridge.Store.CountEventsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SeedJsonShape_LaunchesToo()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Umbrella");
        var json = $"{{\"leads\":{{\"status\":[{{\"id\":{lead},\"pipeline_id\":{bridge.Account.Sales.Id},\"old_status_id\":{bridge.Account.Negotiation},\"status_id\":{bridge.Account.SendContract}}}]}}}}";
        using var body = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await bridge.Http.PostAsync(new Uri(BridgeHarness.KommoWebhookPath, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => bridge.Ironclad.Control.Workflows().Count == 1, "the workflow");
    }

    [Fact]
    public async Task IroncladOAuthClientCredentials_LaunchActingAsTheCreator()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Ironclad:ApiKey"] = null,
            ["ContractBridge:Ironclad:OAuth:ClientId"] = "ironclad-sim-client",
            ["ContractBridge:Ironclad:OAuth:ClientSecret"] = "ironclad-sim-secret",
        });
        var lead = bridge.Account.AddDeal("OAuth Co");

        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        Assert.Equal(bridge.Ironclad.Control.Users[0].Email, workflow.CreatorEmail);
    }

    [Fact]
    public async Task RateLimitStorm_AtIronclad_DelaysLaunches_ButLosesNone()
    {
        // Every 429 holds its bucket for the window, fleet-wide: on a clock 60 times faster, a window is a second.
        const double scale = 60;
        await using var bridge = await BridgeHarness.StartAsync(
            simulators: o => o with { Ironclad = o.Ironclad with { TimeScale = scale } },
            configuration: _ => new Dictionary<string, string?>
            {
                ["ContractBridge:Ironclad:WriteRateLimit:Window"] = TimeSpan.FromMinutes(1 / scale).ToString("c"),
                ["ContractBridge:Ironclad:ReadRateLimit:Window"] = TimeSpan.FromMinutes(1 / scale).ToString("c"),
                ["ContractBridge:Ironclad:OtherRateLimit:Window"] = TimeSpan.FromMinutes(1 / scale).ToString("c"),
            });
        bridge.Ironclad.Control.SetFaults(new ContractBridge.Simulators.Common.FaultProfile { RateLimitStormUntil = DateTimeOffset.UtcNow.AddSeconds(2) });
        var leads = Enumerable.Range(1, 3).Select(i => bridge.Account.AddDeal($"Storm {i}")).ToArray();

        bridge.Account.MoveToSendContract(leads);

        await Eventually.TrueAsync(() => leads.All(l => LifecycleSteps.Notes(bridge, l).Count == 1), "a launch note on every deal", explain: bridge.Explain);
        Assert.True(bridge.Ironclad.Control.Calls().TooManyRequests > 0);
        Assert.Equal(leads.Length, bridge.Ironclad.Control.Workflows().Count);
    }
}
