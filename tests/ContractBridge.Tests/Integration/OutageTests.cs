using System.Diagnostics;
using System.Text.RegularExpressions;
using ContractBridge.Simulators.Common;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;
using ContractBridge.Tests.Security;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// Outages heal themselves: while an upstream fails everything its circuit opens and only probes reach it, nothing is
/// dead-lettered, and when it answers again the backlog drains with every launch done exactly once. The bridge runs on
/// the real clock, so "an hour" of outage is a few seconds with a break of a fraction of a second.
/// </summary>
public sealed partial class OutageTests
{
    private static readonly TimeSpan Break = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task IroncladFailingEverything_OpensItsCircuit_OnlyProbesReachIt_AndEveryLaunchCompletesOnceWhenItReturns()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => Circuit(blockedBreak: TimeSpan.FromMinutes(15)));
        var circuit = bridge.App.Services.GetRequiredService<UpstreamCircuits>().For(UpstreamService.Ironclad);
        bridge.Ironclad.Control.SetFaults(FaultProfile.None with { ServerErrorRate = 1 });
        var leads = Enumerable.Range(1, 12).Select(i => bridge.Account.AddDeal($"Outage deal {i}")).ToList();
        bridge.Account.MoveToSendContract([.. leads]);

        await Eventually.TrueAsync(() => circuit.Snapshot().State != CircuitState.Closed, "Ironclad's circuit to open", explain: bridge.Explain);
        bridge.Ironclad.Control.ResetCalls();
        var outage = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => outage.Elapsed > 10 * Break, "the outage to last ten breaks");
        var callsDuringOutage = bridge.Ironclad.Control.Calls().Total;
        await WhatWaitsIsShownAsync(bridge);
        var elapsed = outage.Elapsed;
        var deadDuringOutage = (await bridge.Store.CountAsync(CancellationToken.None)).Dead;
        bridge.Ironclad.Control.ClearFaults();

        // One probe per break at most, each a read with its two quick retries: without the breaker the 12 jobs would
        // each call every half second or so.
        var mostProbeCalls = ((int)(elapsed / Break) + 2) * 3;
        Assert.InRange(callsDuringOutage, 1, mostProbeCalls);
        Assert.Equal(0, deadDuringOutage);
        foreach (var lead in leads)
        {
            await Eventually.TrueAsync(async () => (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))?.WorkflowId is not null, $"lead {lead}'s launch", explain: bridge.Explain);
        }

        var workflows = bridge.Ironclad.Control.Workflows();
        Assert.Equal(leads.Count, workflows.Count);
        Assert.Equal(CircuitState.Closed, circuit.Snapshot().State);
        Assert.Equal(0, (await bridge.Store.CountAsync(CancellationToken.None)).Dead);
    }

    [Fact]
    public async Task KommoBlockPage_StopsEveryKommoCallButTheProbes_LogsOneError_AndTheLaunchesFinishOnceUnblocked()
    {
        var recorder = new RecordingLoggerProvider();
        var blockedBreak = TimeSpan.FromSeconds(1);
        await using var bridge = await BridgeHarness.StartAsync(
            configuration: _ => Circuit(blockedBreak),
            services: services => services.AddLogging(logging => logging.AddProvider(recorder)));
        var circuit = bridge.App.Services.GetRequiredService<UpstreamCircuits>().For(UpstreamService.Kommo);
        var leads = Enumerable.Range(1, 3).Select(i => bridge.Account.AddDeal($"Blocked deal {i}")).ToList();
        bridge.Kommo.Control.BlockAccount();
        bridge.Account.MoveToSendContract([.. leads]);

        await Eventually.TrueAsync(() => circuit.Snapshot().Blocked, "Kommo's circuit to see the block page", explain: bridge.Explain);
        bridge.Kommo.Control.ResetCalls();
        var blocked = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => bridge.Kommo.Control.Calls.Total >= 2, "two probes to find Kommo still blocked", explain: bridge.Explain);
        var callsWhileBlocked = bridge.Kommo.Control.Calls.Total;
        var elapsed = blocked.Elapsed;
        bridge.Kommo.Control.Unblock();

        // Probes come one per blocked break; three jobs retrying on their own would have called several times a second.
        Assert.InRange(callsWhileBlocked, 2, (int)(elapsed / blockedBreak) + 1);
        foreach (var lead in leads)
        {
            await Eventually.TrueAsync(async () => (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))?.WorkflowId is not null, $"lead {lead}'s launch", explain: bridge.Explain);
        }

        Assert.Equal(leads.Count, bridge.Ironclad.Control.Workflows().Count);
        var blockedErrors = recorder.Entries.Where(e => e.Level == LogLevel.Error && e.Text.Contains("has blocked this integration's IP", StringComparison.Ordinal));
        Assert.Single(blockedErrors);
    }

    /// <summary>The overview's line for Ironclad and the /metrics gauge both count the launches waiting on it.</summary>
    private static async Task WhatWaitsIsShownAsync(BridgeHarness bridge)
    {
        using var dashboard = new DashboardClient(bridge);
        await dashboard.LoginAsync(DashboardClient.AdminToken);
        var line = await Eventually.GetAsync(
            async () => IroncladLine().Match(await dashboard.GetPageAsync("/")) is { Success: true } match ? match.Groups[1].Value : null,
            "the overview to show jobs waiting on Ironclad");
        Assert.Matches(@"^Ironclad: failing since \d\d:\d\d UTC \(circuit (open, next probe \d\d:\d\d UTC|half-open, probing)\); \d+ jobs? waiting$", line);
        Assert.DoesNotContain("; 0 jobs waiting", line, StringComparison.Ordinal);

        await Eventually.TrueAsync(
            async () => WaitingGauge().Match(await bridge.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative))) is { Success: true } gauge
                && long.Parse(gauge.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0,
            "/metrics to count jobs waiting on Ironclad");
    }

    private static Dictionary<string, string?> Circuit(TimeSpan blockedBreak) => new()
    {
        ["ContractBridge:Dashboard:AdminToken"] = DashboardClient.AdminToken,
        ["ContractBridge:Metrics:RefreshInterval"] = "00:00:00.100",
        ["ContractBridge:Circuit:BreakDuration"] = Break.ToString(),
        ["ContractBridge:Circuit:BlockedBreakDuration"] = blockedBreak.ToString(),
        ["ContractBridge:Circuit:SamplingDuration"] = "00:00:10",
    };

    [GeneratedRegex("<li data-service=\"ironclad\">([^<]*[1-9][0-9]* jobs? waiting)</li>")]
    private static partial Regex IroncladLine();

    [GeneratedRegex(@"upstream_jobs_waiting\{[^}]*service=""ironclad""[^}]*\} (\d+)")]
    private static partial Regex WaitingGauge();
}
