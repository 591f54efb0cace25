using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractBridge.Flows;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Ironclad;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Control;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// Kommo disables a failing destination and Ironclad deletes one answered 410, silently: each reconciler pass checks
/// both registrations and, with PublicUrl set, registers again what broke, over real HTTP against the simulators.
/// </summary>
public sealed class WebhookHealthTests
{
    private const string AdminToken = "admin-token-for-webhook-health-tests-42";

    [Fact]
    public async Task HealthyRegistrations_AreLeftAlone_PassAfterPass()
    {
        await using var bridge = await StartWithPublicUrlAsync();
        var kommoBefore = bridge.Kommo.Control.Webhooks.Single();
        var ironcladBefore = bridge.Ironclad.Control.Webhooks().Single();
        bridge.Kommo.Control.ResetCalls();
        bridge.Ironclad.Control.ResetCalls();

        await PassAsync(bridge);
        var statuses = await PassAsync(bridge);

        Assert.Equal(0, Writes(bridge.Kommo.Control.Calls));
        Assert.Equal(0, Writes(bridge.Ironclad.Control.Calls()));
        var kommoAfter = bridge.Kommo.Control.Webhooks.Single();
        Assert.Equal((kommoBefore.Id, kommoBefore.Disabled), (kommoAfter.Id, kommoAfter.Disabled));
        Assert.Equal(kommoBefore.Settings, kommoAfter.Settings);
        Assert.Equal(ironcladBefore.StatusLastUpdatedAt, bridge.Ironclad.Control.Webhooks().Single().StatusLastUpdatedAt);
        Assert.All(statuses, s => Assert.True(s.Healthy && s.RepairedAt is null, s.Describe()));
        Assert.Equal($"Kommo webhook: registered, {WebhookRegistrar.KommoSettings.Count} events", statuses[0].Describe());
        Assert.DoesNotMatch(RepairedMetric(), await bridge.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }

    [Fact]
    public async Task AKommoRegistrationDisabledByKommo_IsRegisteredAgain_Counted_AndShown()
    {
        await using var bridge = await StartWithPublicUrlAsync();
        var url = bridge.App.Services.GetRequiredService<WebhookRegistrar>().KommoUrl(bridge.Url);
        using var control = new HttpClient { BaseAddress = bridge.Kommo.BaseUrl };
        await new KommoSimulatorClient(control).DisableWebhookAsync(url);

        var statuses = await PassAsync(bridge);
        await PassAsync(bridge);
        var lead = bridge.Account.AddDeal("Healed");
        bridge.Account.MoveToSendContract(lead);
        await Eventually.TrueAsync(async () => await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None) is { WorkflowId: not null }, "the deal's webhook to launch its contract", explain: bridge.Explain);
        var metrics = await bridge.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var overview = await OverviewAsync(bridge);

        var registration = bridge.Kommo.Control.Webhooks.Single();
        Assert.False(registration.Disabled);
        Assert.Equal(WebhookRegistrar.KommoSettings.Order(), registration.Settings.Order());
        Assert.Equal(("registered", "disabled"), (statuses[0].State, statuses[0].RepairedFrom));
        Assert.Matches(RepairedMetric("kommo", 1), metrics);
        Assert.DoesNotMatch(RepairedMetric("ironclad"), metrics);
        Assert.Contains($"Kommo webhook: registered, {WebhookRegistrar.KommoSettings.Count} events; was disabled, repaired ", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIroncladRegistrationDeleted_IsRegisteredAgain_WithEveryEvent()
    {
        await using var bridge = await StartWithPublicUrlAsync();
        using var ironclad = IroncladApi(bridge);
        using var deleted = await ironclad.DeleteAsync($"webhooks/{bridge.Ironclad.Control.Webhooks().Single().Id}");

        var statuses = await PassAsync(bridge);
        var metrics = await bridge.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var registration = bridge.Ironclad.Control.Webhooks().Single();
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(WebhookRegistrar.IroncladUrl(bridge.Url), registration.TargetUrl);
        Assert.Equal(WebhookRegistrar.IroncladEvents, registration.Events.Order(StringComparer.Ordinal));
        Assert.Equal(("registered", "missing"), (statuses[1].State, statuses[1].RepairedFrom));
        Assert.Matches(RepairedMetric("ironclad", 1), metrics);
    }

    [Fact]
    public async Task WithoutPublicUrl_BrokenRegistrations_AreReported_NotRepaired()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?> { ["ContractBridge:Dashboard:AdminToken"] = AdminToken });
        var url = bridge.App.Services.GetRequiredService<WebhookRegistrar>().KommoUrl(bridge.Url);
        bridge.Kommo.Control.DisableWebhook(url);
        bridge.Ironclad.State.DeleteWebhook(bridge.Ironclad.Control.Webhooks().Single().Id);

        var statuses = await PassAsync(bridge);
        var overview = await OverviewAsync(bridge);

        Assert.True(bridge.Kommo.Control.Webhooks.Single().Disabled);
        Assert.Empty(bridge.Ironclad.Control.Webhooks());
        Assert.Equal(["Kommo webhook: disabled (not repaired: PublicUrl is not set)", "Ironclad webhook: missing (not repaired: PublicUrl is not set)"], statuses.Select(s => s.Describe()));
        Assert.Contains("Kommo webhook: disabled (not repaired: PublicUrl is not set)", overview, StringComparison.Ordinal);
        Assert.DoesNotMatch(RepairedMetric(), await bridge.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }

    [Fact]
    public async Task TheStartUpPass_RegistersWhatIsMissing()
    {
        await using var bridge = await StartWithPublicUrlAsync(register: false, reconciler: true);

        await Eventually.TrueAsync(() => bridge.Kommo.Control.Webhooks.Count == 1 && bridge.Ironclad.Control.Webhooks().Count == 1, "the start-up pass to register both webhooks");

        Assert.False(bridge.Kommo.Control.Webhooks.Single().Disabled);
        Assert.Equal("enabled", bridge.Ironclad.Control.Webhooks().Single().Status);
    }

    [Fact]
    public async Task IroncladRegistrations_AreReadPageByPage_SoTheBridgesIsFoundBehindOthers()
    {
        await using var bridge = await StartWithPublicUrlAsync(register: false);
        for (var i = 0; i < 130; i++)
        {
            bridge.Ironclad.State.CreateWebhook(new JsonObject { ["events"] = new JsonArray("workflow_launched"), ["targetURL"] = $"https://other{i}.example/hooks" });
        }

        await bridge.App.Services.GetRequiredService<WebhookRegistrar>().RegisterAsync(bridge.Url, CancellationToken.None);
        bridge.Ironclad.Control.ResetCalls();
        var listed = await bridge.App.Services.GetRequiredService<IroncladClient>().ListWebhooksAsync(CancellationToken.None);
        var statuses = await PassAsync(bridge);

        Assert.Equal(131, listed.Select(w => w.Id).Distinct().Count());
        Assert.Equal(131, bridge.Ironclad.Control.Webhooks().Count);
        Assert.All(statuses, s => Assert.True(s.Healthy && s.RepairedAt is null, s.Describe()));
        Assert.Equal(0, Writes(bridge.Ironclad.Control.Calls()));
    }

    private static async Task<BridgeHarness> StartWithPublicUrlAsync(bool register = true, bool reconciler = false)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        return await BridgeHarness.StartAsync(
            configuration: _ => new Dictionary<string, string?>
            {
                ["urls"] = url,
                ["ContractBridge:PublicUrl"] = url,
                ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
                ["ContractBridge:Reconciler:Enabled"] = reconciler ? "true" : "false",
                ["ContractBridge:Reconciler:Interval"] = "01:00:00",
            },
            registerWebhooks: register);
    }

    /// <summary>One reconciler pass, as its timer runs it; returns what the webhook check stored.</summary>
    private static async Task<IReadOnlyList<WebhookRegistrationStatus>> PassAsync(BridgeHarness bridge)
    {
        await bridge.App.Services.GetRequiredService<ContractReconciler>().RunOnceAsync(CancellationToken.None);
        return await bridge.App.Services.GetRequiredService<WebhookHealthCheck>().LastAsync(CancellationToken.None);
    }

    private static async Task<string> OverviewAsync(BridgeHarness bridge)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await bridge.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static HttpClient IroncladApi(BridgeHarness bridge)
    {
        var http = new HttpClient { BaseAddress = new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", new ContractBridge.Simulators.Ironclad.IroncladSimulatorOptions().ApiKey);
        return http;
    }

    /// <summary>Registrations created or changed: POST or PATCH on a webhooks route.</summary>
    private static long Writes(CallCounts calls) => calls.ByEndpoint
        .Where(c => c.Key.Contains("webhooks", StringComparison.Ordinal) && (c.Key.StartsWith("POST", StringComparison.Ordinal) || c.Key.StartsWith("PATCH", StringComparison.Ordinal)))
        .Sum(c => c.Value);

    private static Regex RepairedMetric(string? service = null, int? count = null) => new(
        "contractbridge_webhook_registrations_repaired(_total)?\\{service=\"" + (service ?? "[a-z]+") + "\"\\} " + (count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "[1-9]"),
        RegexOptions.CultureInvariant);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
