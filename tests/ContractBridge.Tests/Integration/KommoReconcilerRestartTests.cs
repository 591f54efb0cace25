using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Hosting;
using ContractBridge.Simulators;
using ContractBridge.Tests.Integration.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration;

/// <summary>The Kommo-side reconciler's watermark lives in the database: a restarted service reads the feed from where the last pass left off.</summary>
public sealed class KommoReconcilerRestartTests
{
    [Fact]
    public async Task AfterARestart_ThePassContinuesFromTheStoredWatermark_AndLaunchesWhatEnteredMeanwhile()
    {
        var options = new SimulatorHostOptions();
        await using var sims = await SimulatorHost.StartAsync(options);
        var account = SalesAccount.Seed(sims.Kommo);
        var dataDirectory = Directory.CreateTempSubdirectory("cb-restart-").FullName;
        var settings = BridgeHarness.BaseConfiguration(sims, account, dataDirectory, options);
        try
        {
            string? watermark;
            await using (var before = await StartAsync(settings))
            {
                Assert.True((await Reconciler(before).RunOnceAsync(everyLeadInStage: true, CancellationToken.None)).Ran);
                watermark = await before.Services.GetRequiredService<IKeyValueStore>().GetAsync(DealReconciler.SinceKey, CancellationToken.None);
                await before.StopAsync();
            }

            // While the bridge is down (no webhook registered: none would reach it), deals enter the stage.
            var deals = Enumerable.Range(0, 3).Select(i => account.AddDeal($"Entered while down {i}")).ToArray();
            account.MoveToSendContract(deals);

            // Kommo counts requests per integration whichever instance sends them, and each instance paces only its own:
            // the restarted one starts once a full second has passed since the old one's last call.
            await LifecycleSteps.NextSecondAsync();
            await LifecycleSteps.NextSecondAsync();
            await using var after = await StartAsync(settings);
            var keyValues = after.Services.GetRequiredService<IKeyValueStore>();
            Assert.NotNull(watermark);
            Assert.Equal(watermark, await keyValues.GetAsync(DealReconciler.SinceKey, CancellationToken.None));

            var pass = await Reconciler(after).RunOnceAsync(everyLeadInStage: false, CancellationToken.None);

            Assert.Equal(3, pass.Queued);
            var store = after.Services.GetRequiredService<IBridgeStore>();
            await Eventually.TrueAsync(() => sims.Ironclad.Control.Workflows().Count == 3 && store.CountAsync(CancellationToken.None).GetAwaiter().GetResult() is { Pending: 0, Running: 0 }, "the three deals to be launched");
            Assert.True(long.Parse(await keyValues.GetAsync(DealReconciler.SinceKey, CancellationToken.None) ?? "0", System.Globalization.CultureInfo.InvariantCulture)
                >= long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0, sims.Kommo.Control.Calls.TooManyRequests);
            await after.StopAsync();
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static DealReconciler Reconciler(WebApplication app) => app.Services.GetRequiredService<DealReconciler>();

    private static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = BridgeApp.Build([], settings);
        await app.StartAsync();
        return app;
    }
}
