using System.Globalization;
using ContractBridge.Flows.Nudge;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// Stalled signatures: the nudge passes run by hand on a fake clock, so days pass in an instant; everything else runs on
/// the real clock over HTTP to the simulators. The fake clock starts three weeks back, and each contract's signature
/// clock is set to that start (as if it went out then), so whatever a pass queues is already due for the job workers.
/// </summary>
public sealed class SignatureNudgeTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddDays(-21));

    [Fact]
    public async Task ASignerWhoHasNotSigned_GetsOneTaskPerPeriod_NamingThemAndTheDaysWaited_HoweverManyPassesAndInstances()
    {
        await using var bridge = await StartAsync();
        var lead = bridge.Account.AddDeal("Stark Industries", contactName: "Sam Signer");
        var workflow = await SendForSignatureAsync(bridge, lead);
        bridge.Ironclad.Control.Sign(workflow.Id, IroncladState.CompanySignerRole);

        _clock.Advance(TimeSpan.FromDays(4));
        var early = await PassAsync(bridge);
        _clock.Advance(TimeSpan.FromDays(1.01));
        var first = await PassAsync(bridge);
        var again = await PassAsync(bridge);
        _clock.Advance(TimeSpan.FromMinutes(11));
        var otherInstance = await PassAsync(bridge, OtherInstance(bridge));
        _clock.Advance(TimeSpan.FromDays(5));
        var second = await PassAsync(bridge);

        Assert.Equal((0, 1, 0, 0, 1), (early.Due, first.Queued, again.Queued, otherInstance.Queued, second.Queued));
        Assert.True(otherInstance.Ran, "the other instance should take the pass once the lease has expired");
        var nudges = NudgeTasks(bridge, lead);
        Assert.Equal(2, nudges.Count);
        Assert.Contains($"Sam Signer (signer@client.example, {IroncladState.CounterpartySignerRole}) has not signed Ironclad contract {workflow.IroncladId} (MSA) after 5 days", nudges[0].Text, StringComparison.Ordinal);
        Assert.Contains("after 10 days", nudges[1].Text, StringComparison.Ordinal);
        Assert.All(nudges, t => Assert.Equal(bridge.Account.RepId, t.ResponsibleUserId));
        Assert.Empty(bridge.Ironclad.Control.Workflow(workflow.Id)!.Reminders);
        ReconcilerSteps.AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task RemindSigner_CallsIroncladForEachUnsignedSigner_OnlyWhereTheRuleSaysSo()
    {
        await using var bridge = await StartAsync(account => new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:Nudge:RemindSigner"] = "true",
            ["ContractBridge:Rules:1:Name"] = "nda",
            ["ContractBridge:Rules:1:PipelineId"] = account.Partners.Id.ToString(CultureInfo.InvariantCulture),
            ["ContractBridge:Rules:1:StageId"] = account.Partners.StatusId("Send NDA").ToString(CultureInfo.InvariantCulture),
            ["ContractBridge:Rules:1:Template"] = "NDA",
            ["ContractBridge:Rules:1:Nudge:After"] = "2.00:00:00",
        });
        var reminded = bridge.Account.AddDeal("Wayne Enterprises");
        var notReminded = bridge.Account.AddDeal("Acme Partners", pipelineId: bridge.Account.Partners.Id, statusId: bridge.Account.Partners.StatusId("Intro"));
        var msa = await SendForSignatureAsync(bridge, reminded);
        var nda = await SendForSignatureAsync(bridge, notReminded, move: () => bridge.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [notReminded], StatusId = bridge.Account.Partners.StatusId("Send NDA") }));

        _clock.Advance(TimeSpan.FromDays(5.01));
        var pass = await PassAsync(bridge);
        await Eventually.TrueAsync(() => bridge.Ironclad.Control.Workflow(msa.Id)!.Reminders.Count == 2, "a reminder for each unsigned signer", explain: bridge.Explain);
        await ReconcilerSteps.IdleAsync(bridge);

        Assert.Equal(2, pass.Queued);
        Assert.Equal([IroncladState.CounterpartySignerRole, IroncladState.CompanySignerRole], bridge.Ironclad.Control.Workflow(msa.Id)!.Reminders.Select(r => r.RoleName).Order(StringComparer.Ordinal).Reverse());
        Assert.Empty(bridge.Ironclad.Control.Workflow(nda.Id)!.Reminders);
        Assert.Equal(2, NudgeTasks(bridge, reminded).Count);
        Assert.Equal(2, NudgeTasks(bridge, notReminded).Count);
        Assert.Contains("after 5 days", NudgeTasks(bridge, notReminded)[0].Text, StringComparison.Ordinal);
        ReconcilerSteps.AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task ASignatureCompletedOrWithdrawn_IsNotNudged_AndGoingOutAgainStartsANewClock()
    {
        await using var bridge = await StartAsync();
        var signed = bridge.Account.AddDeal("Tyrell Corp");
        var withdrawn = bridge.Account.AddDeal("Soylent");
        var signedWorkflow = await SendForSignatureAsync(bridge, signed);
        var withdrawnWorkflow = await SendForSignatureAsync(bridge, withdrawn);
        var signatureClock = bridge.App.Services.GetRequiredService<SignatureClock>();
        var firstSince = await signatureClock.ReadAsync(withdrawnWorkflow.Id, CancellationToken.None);

        bridge.Ironclad.Control.Sign(signedWorkflow.Id, IroncladState.CounterpartySignerRole);
        bridge.Ironclad.Control.Sign(signedWorkflow.Id, IroncladState.CompanySignerRole);
        bridge.Ironclad.Control.RevertToReview(withdrawnWorkflow.Id);
        await LifecycleSteps.NoteContainingAsync(bridge, signed, "signed (executed)");
        await LifecycleSteps.NoteContainingAsync(bridge, withdrawn, "went back to review");
        _clock.Advance(TimeSpan.FromDays(6));
        var pass = await PassAsync(bridge);
        bridge.Ironclad.Control.AdvanceTo(withdrawnWorkflow.Id, WorkflowStage.Sign);
        await Eventually.TrueAsync(async () => await signatureClock.ReadAsync(withdrawnWorkflow.Id, CancellationToken.None) > firstSince, "the new signature's clock", explain: bridge.Explain);

        Assert.Equal((true, 0), (pass.Ran, pass.Due));
        Assert.Empty(NudgeTasks(bridge, signed));
        Assert.Empty(NudgeTasks(bridge, withdrawn));
    }

    private Task<BridgeHarness> StartAsync(Func<SalesAccount, IReadOnlyDictionary<string, string?>>? configuration = null) =>
        BridgeHarness.StartAsync(configuration: configuration, services: services =>
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SignatureNudger>(sp, (TimeProvider)_clock)));

    /// <summary>Launches the deal and takes its contract out for signature, as if at the fake clock's start.</summary>
    private async Task<WorkflowSnapshot> SendForSignatureAsync(BridgeHarness bridge, long lead, Action? move = null)
    {
        WorkflowSnapshot workflow;
        if (move is null)
        {
            workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        }
        else
        {
            move();
            await Eventually.TrueAsync(async () => (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))?.WorkflowId is not null, $"lead {lead}'s launch", explain: bridge.Explain);
            workflow = bridge.Ironclad.Control.Workflow((await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))!.WorkflowId!)!;
        }

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        var clock = bridge.App.Services.GetRequiredService<SignatureClock>();
        await Eventually.TrueAsync(async () => await clock.ReadAsync(workflow.Id, CancellationToken.None) is not null, "the signature's clock", explain: bridge.Explain);
        await ReconcilerSteps.IdleAsync(bridge);
        await clock.StartAsync(workflow.Id, _clock.GetUtcNow(), CancellationToken.None);
        return workflow;
    }

    /// <summary>Runs one nudge pass (by <paramref name="nudger"/>, else the bridge's own) and waits for what it queued.</summary>
    private static async Task<SignatureNudgePass> PassAsync(BridgeHarness bridge, SignatureNudger? nudger = null)
    {
        var pass = await (nudger ?? bridge.App.Services.GetRequiredService<SignatureNudger>()).RunOnceAsync(CancellationToken.None);
        await ReconcilerSteps.IdleAsync(bridge);
        return pass;
    }

    /// <summary>A second instance's nudger on the same database and clock.</summary>
    private SignatureNudger OtherInstance(BridgeHarness bridge) =>
        ActivatorUtilities.CreateInstance<SignatureNudger>(bridge.App.Services, (TimeProvider)_clock, new ReconcilerIdentity("other-instance"));

    private static List<TaskView> NudgeTasks(BridgeHarness bridge, long lead) =>
        [.. bridge.Kommo.Control.GetLead(lead)!.Tasks.Where(t => t.Text.Contains("has not signed", StringComparison.Ordinal)).OrderBy(t => t.Id)];
}
