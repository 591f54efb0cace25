using System.Net;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows;
using ContractBridge.Setup;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// A service started with neither Kommo nor Ironclad configured runs "not connected", and takes connections stored
/// while it runs (as /setup stores them) without a restart: they are kept encrypted, and the next deal launches.
/// </summary>
public sealed class ConnectionsTests
{
    [Fact]
    public async Task BlankConfiguration_StartsNotConnected_ThenStoredConnectionsTakeEffectWithoutARestart()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => Blank, registerWebhooks: false);
        var connections = bridge.App.Services.GetRequiredService<UpstreamConnections>();
        var kommo = bridge.App.Services.GetRequiredService<ContractBridge.Kommo.KommoClient>();

        Assert.Null(connections.Kommo);
        Assert.Null(connections.Ironclad);
        var notConnected = await Assert.ThrowsAsync<ContractBridge.Upstream.UpstreamException>(() => kommo.GetAccountAsync(withDriveUrl: false, CancellationToken.None));
        Assert.True(notConnected.IsTransient);
        Assert.Contains("not connected", notConnected.Message, StringComparison.Ordinal);
        using (var refused = await bridge.Http.PostAsync(new Uri("/webhooks/kommo/anything-at-all-here", UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        var token = bridge.Simulators.Kommo.Options.LongLivedToken;
        var apiKey = new ContractBridge.Simulators.Ironclad.IroncladSimulatorOptions().ApiKey;
        await connections.SaveKommoAsync(new KommoConnection(new Uri(bridge.Kommo.BaseUrl, "/api/v4"), token, null) { ConnectedBy = "admin", ConnectedAt = DateTimeOffset.UtcNow }, CancellationToken.None);
        await connections.SaveIroncladAsync(
            new IroncladConnection(new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1"), apiKey, null, new ContractBridge.Simulators.Ironclad.IroncladSimulatorOptions().Users[0].Email),
            CancellationToken.None);
        var secret = await connections.EnsureKommoWebhookSecretAsync(CancellationToken.None);
        await bridge.App.Services.GetRequiredService<WebhookRegistrar>().RegisterAsync(bridge.Url, CancellationToken.None);

        var lead = bridge.Account.AddDeal("Connected Later MSA");
        bridge.Account.MoveToSendContract(lead);

        await Eventually.GetAsync(() => bridge.Kommo.Control.GetLead(lead)!.Notes.FirstOrDefault(n => n.Text?.Contains("launched", StringComparison.Ordinal) == true), "the launch note", explain: bridge.Explain);
        Assert.Single(bridge.Ironclad.Control.Workflows());
        Assert.True(secret.Length >= 32);
        var store = bridge.App.Services.GetRequiredService<IKeyValueStore>();
        foreach (var (key, plain) in new[] { (UpstreamConnections.KommoKey, token), (UpstreamConnections.IroncladKey, apiKey), (UpstreamConnections.KommoWebhookSecretKey, secret) })
        {
            var stored = await store.GetAsync(key, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.DoesNotContain(plain, stored, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string?> Blank =>
        BridgeHarness.Unconnected(new Dictionary<string, string?> { ["ContractBridge:StoredRules:RefreshInterval"] = "00:00:00.200" });
}
