using System.Net;
using System.Text;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

public sealed class ExactlyOnceTests
{
    [Fact]
    public async Task RepeatedAndRacingDeliveries_OfOneWebhook_StoreOneEvent_AndLaunchOnce()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Acme Rockets");
        await LifecycleSteps.LaunchAsync(bridge, lead);
        var body = bridge.Kommo.Control.EmittedWebhooks.Single(w => w.Actions.Contains("status")).Body; // the bridge's own notes come back as note_lead

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await bridge.Http.PostAsync(new Uri(BridgeHarness.KommoWebhookPath, UriKind.Relative), content);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Contains("duplicate", a.Item2, StringComparison.Ordinal));
        var events = await bridge.Store.ListRecentEventsAsync(20, CancellationToken.None);
        // Kommo's note_lead bodies announcing the bridge's own launch note are events of their own: only lead changes count here.
        Assert.True(1 == events.Count(e => e.Source == "kommo" && !e.Summary.Contains("note(s) on lead", StringComparison.Ordinal)), string.Join("\n", events.Select(e => $"{e.Source} {e.DedupeKey} {e.Summary}")));
        Assert.Single(bridge.Ironclad.Control.Workflows());
    }

    [Fact]
    public async Task DealReenteringTheStage_WhileItsContractIsActive_GetsANote_NotASecondWorkflow()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Duff Beer");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = bridge.Account.Negotiation });

        await LifecycleSteps.NextSecondAsync();
        bridge.Account.MoveToSendContract(lead);

        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "already");
        Assert.Contains(workflow.IroncladId, note.Text, StringComparison.Ordinal);
        Assert.Single(bridge.Ironclad.Control.Workflows());
    }

    [Fact]
    public async Task LaunchWhoseAnswerIsLost_AfterIroncladCommitted_IsFoundAgain_NotLaunchedTwice()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        bridge.Ironclad.Control.SetFaults(new FaultProfile { LostResponseRate = 1 });
        var lead = bridge.Account.AddDeal("Oscorp");

        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "launched");

        Assert.Single(bridge.Ironclad.Control.Workflows());
        Assert.True(bridge.Ironclad.Control.Calls().LostResponses >= 1);
        Assert.Equal(workflow.Id, (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))!.WorkflowId);
    }

    [Fact]
    public async Task UpstreamFaults_5xxResetsAndLostNoteAnswers_StillLaunchEachDealOnce_WithOneNoteEach()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var leads = Enumerable.Range(1, 12).Select(i => bridge.Account.AddDeal($"Faulty {i}")).ToArray();
        bridge.Ironclad.Control.SetFaults(new FaultProfile { ServerErrorRate = 0.3, ConnectionResetRate = 0.1, LostResponseRate = 0.2 });
        bridge.Kommo.Control.SetFaults(new FaultProfile { ServerErrorRate = 0.2, ConnectionResetRate = 0.05, LostResponseRate = 0.3 });

        bridge.Account.MoveToSendContract(leads);

        await Eventually.TrueAsync(() => leads.All(l => LifecycleSteps.Notes(bridge, l).Count >= 1), "a note on every deal", TimeSpan.FromSeconds(60), bridge.Explain);
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 }, "every job to finish", TimeSpan.FromSeconds(60), bridge.Explain);
        var workflows = bridge.Ironclad.Control.Workflows();
        Assert.Equal(leads.Length, workflows.Count);
        Assert.Equal(leads.Length, workflows.Select(w => (string)w.Attributes["kommoLeadId"]!).Distinct().Count());
        Assert.All(leads, l => Assert.Single(LifecycleSteps.Notes(bridge, l)));
        Assert.Equal(0, (await bridge.Store.CountAsync(CancellationToken.None)).Dead);
    }

    [Fact]
    public async Task BurstOf200Deals_UnderRealLimitsOnAScaledClock_GetsZero429s_AndLaunchesEachOnce()
    {
        const double scale = 60;
        await using var bridge = await BridgeHarness.StartAsync(
            simulators: o => o with { Kommo = o.Kommo with { TimeScale = scale }, Ironclad = o.Ironclad with { TimeScale = scale } },
            configuration: _ => new Dictionary<string, string?>
            {
                ["ContractBridge:Kommo:RateLimit:Permits"] = "7",
                ["ContractBridge:Kommo:RateLimit:Window"] = TimeSpan.FromSeconds(1 / scale).ToString("c"),
                ["ContractBridge:Ironclad:WriteRateLimit:Permits"] = "40",
                ["ContractBridge:Ironclad:WriteRateLimit:Window"] = TimeSpan.FromMinutes(1 / scale).ToString("c"),
                ["ContractBridge:Ironclad:ReadRateLimit:Permits"] = "400",
                ["ContractBridge:Ironclad:ReadRateLimit:Window"] = TimeSpan.FromMinutes(1 / scale).ToString("c"),
            });
        var leads = Enumerable.Range(1, 200).Select(i => bridge.Account.AddDeal($"Burst {i}")).ToArray();

        foreach (var chunk in leads.Chunk(50))
        {
            bridge.Account.MoveToSendContract(chunk);
        }

        await Eventually.TrueAsync(() => leads.All(l => LifecycleSteps.Notes(bridge, l).Count == 1), "a launch note on every deal", TimeSpan.FromSeconds(90), bridge.Explain);
        Assert.Equal(0, bridge.Ironclad.Control.Calls().TooManyRequests);
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
        Assert.Equal(leads.Length, bridge.Ironclad.Control.Workflows().Select(w => (string)w.Attributes["kommoLeadId"]!).Distinct().Count());
        Assert.Equal(leads.Length, bridge.Ironclad.Control.Workflows().Count);
    }
}
