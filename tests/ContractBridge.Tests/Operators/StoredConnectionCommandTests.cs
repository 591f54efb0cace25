using ContractBridge.Flows;
using ContractBridge.Rules;
using ContractBridge.Setup;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Operators;

/// <summary>
/// The CLI with nothing upstream configured uses the connections made at /setup, read from the same database as the
/// service reads them: `check` runs against them, `webhooks register` registers with them (making Kommo's webhook
/// secret as "Go live" would), rules made in the dashboard are checked too, and before there are any connections
/// `check` says how to connect instead of calling out.
/// </summary>
public sealed class StoredConnectionCommandTests
{
    [Fact]
    public async Task WithConnectionsMadeAtSetup_CheckAndWebhooksRegister_UseThem()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => BridgeHarness.Unconnected(), registerWebhooks: false);
        var settings = OperatorSettings.From(bridge);
        var connections = bridge.App.Services.GetRequiredService<UpstreamConnections>();

        var before = await CliRun.RunAsync(settings, "check");
        Assert.True(before.ExitCode == 2, before.ToString());
        Assert.Contains("Or connect Kommo at /setup", before.Error, StringComparison.Ordinal);
        Assert.Contains("Or connect Ironclad at /setup", before.Error, StringComparison.Ordinal);

        var ironclad = new IroncladSimulatorOptions();
        await connections.SaveKommoAsync(new KommoConnection(new Uri(bridge.Kommo.BaseUrl, "/api/v4"), bridge.Kommo.Options.LongLivedToken, null) { ConnectedBy = "admin" }, CancellationToken.None);
        await connections.SaveIroncladAsync(new IroncladConnection(new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1"), ironclad.ApiKey, null, ironclad.Users[0].Email) { ConnectedBy = "admin" }, CancellationToken.None);

        var configured = bridge.App.Services.GetRequiredService<RuleBook>().Rules[0];
        var stored = RuleJson.Read(RuleJson.Write(configured));
        stored.Name = "made-in-the-dashboard";
        Assert.True(await bridge.App.Services.GetRequiredService<IRuleStore>().AppendAsync(
            new RuleVersion(stored.Name, 1, DateTimeOffset.UtcNow, "admin", null, RuleJson.Write(stored), "created"), CancellationToken.None));

        var registered = await CliRun.RunAsync(settings, "webhooks", "register");
        Assert.True(registered.ExitCode == 0, registered.ToString());
        Assert.Contains("Generated Kommo's webhook secret", registered.Error, StringComparison.Ordinal);
        await connections.RefreshAsync(CancellationToken.None);
        var secret = Assert.IsType<string>(connections.KommoWebhookSecret);
        Assert.DoesNotContain(secret, registered.All, StringComparison.Ordinal);
        Assert.Contains(bridge.Kommo.Control.Webhooks, w => w.Destination.AbsolutePath == $"/webhooks/kommo/{secret}");
        Assert.Single(bridge.Ironclad.Control.Webhooks());

        var check = await CliRun.RunAsync(settings, "check");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains($"Kommo: {bridge.Kommo.BaseUrl} (connected at /setup)", check.Error, StringComparison.Ordinal);
        Assert.Contains("(connected at /setup)", check.Error[check.Error.IndexOf("Ironclad:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("rule 'made-in-the-dashboard'", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(bridge.Kommo.Options.LongLivedToken, check.All, StringComparison.Ordinal);
    }
}
