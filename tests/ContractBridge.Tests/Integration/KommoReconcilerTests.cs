using ContractBridge.Contracts;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// The Kommo-side reconciler over real HTTP against both simulators: deals whose stage entry never reached the bridge
/// (every Kommo webhook dropped, or none registered) are launched exactly once; refused deals are noted once until they
/// change; a cancelled contract is not relaunched for a deal that only sits in the stage.
/// </summary>
public sealed class KommoReconcilerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EveryKommoWebhookDropped_EveryDealInTheStage_IsLaunchedExactlyOnce_WithinOnePass()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        bridge.Kommo.Control.SetFaults(new FaultProfile { WebhookDropRate = 1 });
        await ReconcilerSteps.PassAsync(bridge, everyLeadInStage: true);
        var moved = Enumerable.Range(0, 30).Select(i => bridge.Account.AddDeal($"Moved {i}")).ToList();
        var elsewhere = bridge.Account.AddDeal("Stays in negotiation");
        bridge.Account.MoveToSendContract([.. moved]);
        var created = bridge.Kommo.Control.CreateLead(new SeedLead
        {
            Name = "Created in the stage",
            PipelineId = bridge.Account.Sales.Id,
            StatusId = bridge.Account.SendContract,
            ResponsibleUserId = bridge.Account.RepId,
            Contacts = bridge.Kommo.Control.GetLead(moved[0])!.Contacts,
        });

        var pass = await ReconcilerSteps.PassAsync(bridge);

        Assert.Equal(31, pass.Queued);
        var links = await ReconcilerSteps.LinksAsync(bridge);
        Assert.Equal([.. moved, created], links.Select(l => l.LeadId).Order());
        Assert.All(links, l => Assert.NotNull(l.WorkflowId));
        Assert.Equal(31, bridge.Ironclad.Control.Workflows().Count);
        Assert.Empty(LifecycleSteps.Notes(bridge, elsewhere));

        // More passes, with and without the full lists, find the same deals with their contracts: nothing more happens.
        Assert.Equal(0, (await ReconcilerSteps.PassAsync(bridge)).Queued);
        Assert.Equal(0, (await ReconcilerSteps.PassAsync(bridge, everyLeadInStage: true)).Queued);
        Assert.Equal(31, bridge.Ironclad.Control.Workflows().Count);
        Assert.All([.. moved, created], lead => Assert.Single(LifecycleSteps.Notes(bridge, lead)));
        Assert.All(bridge.Kommo.Control.WebhookAttempts, a => Assert.Equal(0, a.Attempt));
        ReconcilerSteps.AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task DealsAlreadyInTheStage_AtStartUp_AreLaunchedByTheStartUpPass()
    {
        var waiting = new List<long>();
        await using var bridge = await BridgeHarness.StartAsync(
            registerWebhooks: false,
            configuration: account =>
            {
                // Deals that entered the stage while the bridge was away: no webhook will ever tell of them.
                waiting.AddRange(Enumerable.Range(0, 5).Select(i => account.AddDeal($"Waiting {i}", statusId: account.SendContract)));
                return new Dictionary<string, string?> { ["ContractBridge:Reconciler:Enabled"] = "true", ["ContractBridge:Reconciler:Interval"] = "00:10:00" };
            });

        await Eventually.TrueAsync(async () => (await ReconcilerSteps.LinksAsync(bridge)).Count(l => l.WorkflowId is not null) == 5, "the five waiting deals to be launched", explain: bridge.Explain);

        Assert.Equal(waiting, (await ReconcilerSteps.LinksAsync(bridge)).Select(l => l.LeadId).Order());
        Assert.Equal(5, bridge.Ironclad.Control.Workflows().Count);
        ReconcilerSteps.AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task ARefusedDeal_IsNotedOnceOverManyPasses_AndAgainAfterItChanged()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        await ReconcilerSteps.PassAsync(bridge, everyLeadInStage: true);
        var byWebhook = bridge.Account.AddDeal("No email, seen by the webhook", email: null);
        bridge.Account.MoveToSendContract(byWebhook);
        await LifecycleSteps.NoteContainingAsync(bridge, byWebhook, "could not be launched");
        bridge.Kommo.Control.SetFaults(new FaultProfile { WebhookDropRate = 1 });
        var byPass = bridge.Account.AddDeal("No email, found by the pass", email: null);
        bridge.Account.MoveToSendContract(byPass);

        for (var i = 0; i < 5; i++)
        {
            await ReconcilerSteps.PassAsync(bridge, everyLeadInStage: i % 2 == 1);
        }

        Assert.Single(LifecycleSteps.Notes(bridge, byWebhook));
        Assert.Single(LifecycleSteps.Notes(bridge, byPass));
        Assert.Empty(bridge.Ironclad.Control.Workflows());

        // The rep changes the deals (Kommo's updated_at moves on, in whole seconds): the next pass tries again, once.
        await LifecycleSteps.NextSecondAsync();
        bridge.Kommo.Control.EditLead(new EditLead { LeadId = byWebhook, Price = 30_000 });
        bridge.Kommo.Control.EditLead(new EditLead { LeadId = byPass, Price = 30_000 });
        await ReconcilerSteps.PassAsync(bridge);
        await ReconcilerSteps.PassAsync(bridge, everyLeadInStage: true);

        Assert.All([byWebhook, byPass], lead => Assert.Equal(2, LifecycleSteps.Notes(bridge, lead).Count(n => n.Text?.Contains("could not be launched", StringComparison.Ordinal) == true)));
        Assert.All([byWebhook, byPass], lead => Assert.Equal(2, LifecycleSteps.Notes(bridge, lead).Count));
        ReconcilerSteps.AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task ACancelledContract_IsNotRelaunchedWhileTheDealSitsThere_OnlyAfterANewEntry()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        bridge.Kommo.Control.SetFaults(new FaultProfile { WebhookDropRate = 1 });
        await ReconcilerSteps.PassAsync(bridge, everyLeadInStage: true);
        var lead = bridge.Account.AddDeal("Changed its mind");
        bridge.Account.MoveToSendContract(lead);
        await ReconcilerSteps.PassAsync(bridge);
        var first = Assert.Single(bridge.Ironclad.Control.Workflows());

        bridge.Ironclad.Control.Cancel(first.Id);
        await Eventually.TrueAsync(async () => (await bridge.Contracts.FindByWorkflowAsync(first.Id, None))?.State == ContractState.Cancelled, "the contract to be cancelled", explain: bridge.Explain);
        await ReconcilerSteps.IdleAsync(bridge);
        await ReconcilerSteps.PassAsync(bridge);
        await ReconcilerSteps.PassAsync(bridge, everyLeadInStage: true);

        Assert.Single(bridge.Ironclad.Control.Workflows());
        Assert.Null(await bridge.Contracts.FindActiveByLeadAsync(lead, None));

        // The rep takes the deal back and sends it to the stage again: a new entry, in a later second than the cancellation.
        await LifecycleSteps.NextSecondAsync();
        bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = bridge.Account.Negotiation });
        bridge.Account.MoveToSendContract(lead);
        await ReconcilerSteps.PassAsync(bridge);

        Assert.Equal(2, bridge.Ironclad.Control.Workflows().Count);
        var active = await bridge.Contracts.FindActiveByLeadAsync(lead, None);
        Assert.NotEqual(first.Id, active?.WorkflowId);
        Assert.NotNull(active?.WorkflowId);
        ReconcilerSteps.AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task TheEntrysWebhook_DeliveredAfterItsContractWasCancelled_LaunchesNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        bridge.Kommo.Control.SetFaults(new FaultProfile { WebhookDropRate = 1 });
        await ReconcilerSteps.PassAsync(bridge, everyLeadInStage: true);
        var lead = bridge.Account.AddDeal("Delivered late");
        bridge.Account.MoveToSendContract(lead);
        var entry = bridge.Kommo.Control.EmittedWebhooks.Last(w => w.Actions.Contains("status") && w.LeadIds.Contains(lead)).Body;
        await ReconcilerSteps.PassAsync(bridge);
        var first = Assert.Single(bridge.Ironclad.Control.Workflows());
        bridge.Ironclad.Control.Cancel(first.Id);
        await Eventually.TrueAsync(async () => (await bridge.Contracts.FindByWorkflowAsync(first.Id, None))?.State == ContractState.Cancelled, "the contract to be cancelled", explain: bridge.Explain);
        await ReconcilerSteps.IdleAsync(bridge);

        // Kommo's delivery of that entry, dropped then, arrives now (a retry, or a queue drained late), in a later second.
        await LifecycleSteps.NextSecondAsync();
        using var content = new System.Net.Http.StringContent(entry, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await bridge.Http.PostAsync(new Uri(BridgeHarness.KommoWebhookPath, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain("duplicate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(None)) is { Pending: 0, Running: 0 }, "the late entry's launch job to finish", explain: bridge.Explain);

        Assert.Single(bridge.Ironclad.Control.Workflows());
        Assert.Null(await bridge.Contracts.FindActiveByLeadAsync(lead, None));
        Assert.DoesNotContain(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("already", StringComparison.Ordinal) == true);
        ReconcilerSteps.AssertNoTooManyRequests(bridge);
    }
}
