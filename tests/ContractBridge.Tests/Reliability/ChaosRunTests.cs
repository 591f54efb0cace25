using ContractBridge.Chaos.Fleet;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.Reporting;
using ContractBridge.Chaos.Scenarios;
using Xunit.Abstractions;

namespace ContractBridge.Tests.Reliability;

/// <summary>Chaos runs start real service processes and load both cores: they run one at a time, beside nothing else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosRunCollection
{
    public const string Name = "chaos runs";
}

/// <summary>
/// The quick versions of the chaos program's scenarios (tools/ContractBridge.Chaos): the real service as child processes,
/// small numbers, one or two kills, seeded. Each must end with zero invariant violations, read from the simulators.
/// The long runs are `dotnet run -c Release --project tools/ContractBridge.Chaos -- all`.
/// </summary>
[Collection(ChaosRunCollection.Name)]
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Crash_TwoKillsDuringBurstAndLifecycle_OnSqlite_LoseAndDoubleNothing()
    {
        var result = await RunAsync(log => LifecycleScenario.RunAsync(ChaosScenarios.Crash(deals: 16, kills: 2, seed: 11, postgresServer: null), log, CancellationToken.None));

        Assert.Equal(2, result.Kills);
    }

    [Fact]
    public async Task Crash_TwoInstancesOnPostgres_KilledOneAtATime_LoseAndDoubleNothing()
    {
        var server = PostgresDatabase.ResolveServer(null);

        var result = await RunAsync(log => LifecycleScenario.RunAsync(ChaosScenarios.Crash(deals: 16, kills: 2, seed: 12, postgresServer: server), log, CancellationToken.None));

        Assert.Equal(2, result.Kills);
    }

    [Fact]
    public async Task UpstreamFaults_5xxResetsSpikesLostAnswersAnd429Storms_LoseAndDoubleNothing()
    {
        var result = await RunAsync(log => LifecycleScenario.RunAsync(ChaosScenarios.UpstreamFaults(deals: 12, seed: 13), log, CancellationToken.None));

        Assert.True(result.FaultTotal > 0, "No fault was injected.");
    }

    [Fact]
    public async Task LostDuplicatedAndReorderedWebhooks_EverySignedContractClosesItsDeal_NoDealMovesBack()
    {
        var result = await RunAsync(log => LifecycleScenario.RunAsync(ChaosScenarios.LostAndDisordered(deals: 16, seed: 14), log, CancellationToken.None));

        Assert.True(result.Faults.GetValueOrDefault("ironclad.WebhookDropped") > 0, "No webhook was dropped.");
    }

    [Fact]
    public async Task HostileRequests_OfEveryCategory_AreRefused_AndNothingIsStored()
    {
        var result = await RunAsync(log => HostileScenario.RunAsync(new HostileRun { Requests = 1_200, Seed = 15 }, log, CancellationToken.None));

        Assert.Equal(1_200, result.RequestTotal);
    }

    [Fact]
    public async Task KommoOAuth_TwoInstancesOnPostgres_RefreshWithoutEverReusingARefreshToken()
    {
        var server = PostgresDatabase.ResolveServer(null);

        var result = await RunAsync(log => LifecycleScenario.RunAsync(ChaosScenarios.OAuth(deals: 12, seed: 16, postgresServer: server), log, CancellationToken.None));

        Assert.True(result.Figures["kommo oauth refreshes"] >= 1);
    }

    [Fact]
    public async Task Fleet_ThreeInstancesOnPostgres_KillStormsJitterOutagesAndABadItem_LoseDoubleAndExceedNothing()
    {
        var server = PostgresDatabase.ResolveServer(null);
        var run = ChaosScenarios.Fleet(deals: 14, kills: 1, seed: 17, postgresServer: server) with { Outage = TimeSpan.FromSeconds(3) };

        var result = await RunAsync(log => FleetScenario.RunAsync(run, log, CancellationToken.None));

        Assert.Equal(1, result.Kills);
        Assert.Equal(2, result.Figures["outages"]);
        Assert.True(result.Figures["bad item dead letters"] >= 1, "The bad item was not refused.");
    }

    private async Task<ScenarioResult> RunAsync(Func<TextWriter, Task<ScenarioResult>> run)
    {
        using var log = new StringWriter();
        var result = await run(log);
        ChaosReport.Print([result], log);
        output.WriteLine(log.ToString());
        Assert.True(result.Passed, $"{result.Error}\n{string.Join("\n", result.Violations.Take(20))}");
        return result;
    }
}
