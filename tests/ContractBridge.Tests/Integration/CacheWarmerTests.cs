using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Ironclad;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractBridge.Tests.Integration;

/// <summary>The account, pipelines, templates and verification key are warm: read as the service starts, renewed in the background.</summary>
public sealed class CacheWarmerTests
{
    private const string Account = "GET /api/v4/account";
    private const string Pipelines = "GET /api/v4/leads/pipelines";
    private const string Templates = "GET /public/api/v1/workflow-schemas";
    private const string VerificationKey = "GET /public/api/v1/webhooks/verification-key";

    [Fact]
    public async Task Start_ReadsWhatTheFirstDealNeeds_SoItsLaunchWaitsForNone_AndRenewalReadsThemAgain()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var warmer = bridge.App.Services.GetServices<IHostedService>().OfType<CacheWarmer>().Single();
        await Eventually.TrueAsync(
            () => bridge.Kommo.Control.Calls.ByEndpoint is var k && k.ContainsKey(Account) && k.ContainsKey(Pipelines)
                && bridge.Ironclad.Control.Calls().ByEndpoint is var i && i.ContainsKey(Templates) && i.ContainsKey(VerificationKey),
            "the warm-up reads");

        var lead = bridge.Account.AddDeal("Globex MSA");
        bridge.Account.MoveToSendContract(lead);
        await Eventually.TrueAsync(() => bridge.Kommo.Control.GetLead(lead)!.Notes.Count == 1, "the launch note");
        var kommo = bridge.Kommo.Control.Calls.ByEndpoint;
        var ironclad = bridge.Ironclad.Control.Calls().ByEndpoint;
        Assert.Equal((1, 1), (kommo[Account], kommo[Pipelines]));
        Assert.Equal((1, 1), (ironclad[Templates], ironclad[VerificationKey]));

        await warmer.RenewAsync(CancellationToken.None);

        var kommoAfter = bridge.Kommo.Control.Calls.ByEndpoint;
        var ironcladAfter = bridge.Ironclad.Control.Calls().ByEndpoint;
        Assert.Equal((2, 2), (kommoAfter[Account], kommoAfter[Pipelines]));
        Assert.Equal(2, ironcladAfter[Templates]);
    }

    [Fact]
    public void Interval_IsHalfTheShorterCacheLifetime()
    {
        using var directory = new KommoDirectory(null!, TimeProvider.System);
        var options = Microsoft.Extensions.Options.Options.Create(new BridgeOptions());
        options.Value.Ironclad.TemplateCacheTtl = TimeSpan.FromMinutes(4);
        using var templates = new TemplateCatalog(null!, options, TimeProvider.System);

        using var key = new VerificationKeyCache(null!, options, TimeProvider.System);
        var warmer = new CacheWarmer(directory, templates, key, new RuleBook(options), options, TimeProvider.System, null!, NullLogger<CacheWarmer>.Instance);

        Assert.Equal(TimeSpan.FromMinutes(2), warmer.Interval);
    }
}
