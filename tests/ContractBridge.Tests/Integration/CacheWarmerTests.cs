using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractBridge.Tests.Integration;

/// <summary>The account, pipelines and templates stay warm: renewed in the background once read, never read unasked.</summary>
public sealed class CacheWarmerTests
{
    [Fact]
    public async Task Renewal_ReadsAgainWhatALaunchRead_AndNothingBeforeThat()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var warmer = bridge.App.Services.GetServices<IHostedService>().OfType<CacheWarmer>().Single();

        // Nothing has needed the account, the pipelines or the templates yet: renewing them costs no call.
        var (kommoBefore, ironcladBefore) = (bridge.Kommo.Control.Calls.Total, bridge.Ironclad.Control.Calls().Total);
        await warmer.RenewAsync(CancellationToken.None);
        Assert.Equal((kommoBefore, ironcladBefore), (bridge.Kommo.Control.Calls.Total, bridge.Ironclad.Control.Calls().Total));

        var lead = bridge.Account.AddDeal("Globex MSA");
        bridge.Account.MoveToSendContract(lead);
        await Eventually.TrueAsync(() => bridge.Kommo.Control.GetLead(lead)!.Notes.Count == 1, "the launch note");
        var kommo = bridge.Kommo.Control.Calls.ByEndpoint;
        var ironclad = bridge.Ironclad.Control.Calls().ByEndpoint;

        await warmer.RenewAsync(CancellationToken.None);

        var kommoAfter = bridge.Kommo.Control.Calls.ByEndpoint;
        var ironcladAfter = bridge.Ironclad.Control.Calls().ByEndpoint;
        Assert.Equal(kommo.GetValueOrDefault("GET /api/v4/account") + 1, kommoAfter.GetValueOrDefault("GET /api/v4/account"));
        Assert.Equal(kommo.GetValueOrDefault("GET /api/v4/leads/pipelines") + 1, kommoAfter.GetValueOrDefault("GET /api/v4/leads/pipelines"));
        Assert.Equal(ironclad.GetValueOrDefault("GET /public/api/v1/workflow-schemas") + 1, ironcladAfter.GetValueOrDefault("GET /public/api/v1/workflow-schemas"));
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public void Interval_IsHalfTheShorterCacheLifetime()
    {
        using var directory = new KommoDirectory(null!, TimeProvider.System);
        var options = Microsoft.Extensions.Options.Options.Create(new BridgeOptions());
        options.Value.Ironclad.TemplateCacheTtl = TimeSpan.FromMinutes(4);
        using var templates = new TemplateCatalog(null!, options, TimeProvider.System);

        var warmer = new CacheWarmer(directory, templates, options, TimeProvider.System, NullLogger<CacheWarmer>.Instance);

        Assert.Equal(TimeSpan.FromMinutes(2), warmer.Interval);
    }
}
