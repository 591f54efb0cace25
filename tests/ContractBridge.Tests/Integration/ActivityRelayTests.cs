using ContractBridge.Flows.Activity;
using ContractBridge.Simulators.Ironclad.Control;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// What legal does on a contract reaches its deal as notes, over real HTTP against both simulators: comments (once each,
/// never the bridge's own; replies, mentions and the counterparty marked), approvals with how many are in, and the turn
/// passing to the counterparty and back; each list switched off per rule.
/// </summary>
public sealed class ActivityRelayTests
{
    private const string CommentsRead = "GET /public/api/v1/workflows/{id}/comments";
    private static readonly Counterparty Carl = new("Carl Counterparty", "carl@acme-rockets.example", "Acme Rockets");

    [Fact]
    public async Task LegalsComment_IsNotedOnTheDealOnce_HoweverOftenIroncladRepeatsTheEvent()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Acme Rockets");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.PostComment(workflow.Id, new ControlCommentRequest("Can we cap liability at 1x fees?", AuthorEmail: Legal(bridge).Email));
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "Lena Legal on");
        for (var i = 0; i < 3; i++)
        {
            bridge.Ironclad.Control.EmitEvent(workflow.Id, "workflow_comment_added");
        }

        await DealLossSteps.SettledAsync(bridge);

        Assert.StartsWith($"Ironclad: Lena Legal on {workflow.IroncladId}: Can we cap liability at 1x fees?\n", note.Text, StringComparison.Ordinal);
        Assert.Single(Relayed(bridge, lead));
        Assert.Equal(4, bridge.Ironclad.Control.Calls().ByEndpoint[CommentsRead]);
        AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task TheBridgesOwnComments_NeverComeBackAsNotes()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Globex");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Kommo.Control.WriteNote(new WriteNote { LeadId = lead, Text = "@legal is the NDA mutual?", ByUserId = bridge.Account.RepId });
        var question = await DealLossSteps.CommentContainingAsync(bridge, workflow.Id, "a question from");
        await DealLossSteps.SettledAsync(bridge);
        bridge.Ironclad.Control.PostComment(workflow.Id, new ControlCommentRequest("Yes, it is mutual.", AuthorEmail: Legal(bridge).Email, RepliedTo: question.Id));
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "Lena Legal on");
        await DealLossSteps.SettledAsync(bridge);

        var relayed = Assert.Single(Relayed(bridge, lead));
        Assert.StartsWith($"Ironclad: Lena Legal on {workflow.IroncladId}, replying to ContractBridge Bot: Yes, it is mutual.", relayed, StringComparison.Ordinal);
        Assert.DoesNotContain(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("a question from", StringComparison.Ordinal) == true);
        Assert.True(await bridge.App.Services.GetRequiredService<OwnComments>().IsOwnAsync(question.Id, CancellationToken.None), "the bridge remembers the comment it posted");
        Assert.True(bridge.Ironclad.Control.Calls().ByEndpoint[CommentsRead] >= 2, "the bridge read the comments after its own comment too, and let it be");
        AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task CounterpartyCommentsAndMentions_AreMarked_AndNotedInIroncladsOrder()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Acme Rockets");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var legal = Legal(bridge);

        var first = bridge.Ironclad.Control.PostComment(workflow.Id, new ControlCommentRequest("Clause 7 caps liability at 1x.", AuthorEmail: legal.Email));
        bridge.Ironclad.Control.PostComment(workflow.Id, new ControlCommentRequest($"We need 2x, <@{legal.Email}>.", Counterparty: Carl, RepliedTo: first.Id));
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "Carl Counterparty");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Collection(
            Relayed(bridge, lead),
            n => Assert.StartsWith($"Ironclad: Lena Legal on {workflow.IroncladId}: Clause 7 caps liability at 1x.", n, StringComparison.Ordinal),
            n => Assert.StartsWith($"Ironclad: Carl Counterparty (counterparty, Acme Rockets) on {workflow.IroncladId}, replying to Lena Legal: We need 2x, @Lena Legal.", n, StringComparison.Ordinal));
        AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task EachApproval_IsNotedOnce_WithWhoAndHowManyAreIn()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Initech");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var control = bridge.Ironclad.Control;
        control.RequestApproval(workflow.Id, new ControlApprovalRequest("finance", "Finance", Legal(bridge).Email, Order: 1));
        control.RequestApproval(workflow.Id, new ControlApprovalRequest("legal", "Legal", Legal(bridge).Email, Order: 2));

        control.SetApproval(workflow.Id, "finance", new ControlApprovalStatus("approved"));
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "approvals done");
        control.EmitEvent(workflow.Id, "workflow_approval_status_changed");
        await DealLossSteps.SettledAsync(bridge);
        control.Advance(workflow.Id);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "all 2 approvals done");
        await DealLossSteps.SettledAsync(bridge);

        var approvals = LifecycleSteps.Notes(bridge, lead).Select(n => n.Text ?? string.Empty).Where(t => t.Contains("approvals done", StringComparison.Ordinal)).ToList();
        Assert.Collection(
            approvals,
            n => Assert.StartsWith($"Ironclad: Finance (Lena Legal) approved {workflow.IroncladId} — 1 of 2 approvals done.", n, StringComparison.Ordinal),
            n => Assert.StartsWith($"Ironclad: Legal (Lena Legal) approved {workflow.IroncladId} — all 2 approvals done.", n, StringComparison.Ordinal));
        AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task TheTurnPassingToTheCounterpartyAndBack_IsNotedEachTime()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Umbrella");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.PassTurn(workflow.Id, new ControlTurnRequest("counterparty", Carl.Email));
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "is now with the counterparty");
        bridge.Ironclad.Control.PassTurn(workflow.Id, new ControlTurnRequest("internal", Legal(bridge).Email));
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "is back with us");
        bridge.Ironclad.Control.EmitEvent(workflow.Id, "workflow_changed_turn");
        await DealLossSteps.SettledAsync(bridge);

        var turns = LifecycleSteps.Notes(bridge, lead).Select(n => n.Text ?? string.Empty).Where(t => t.Contains("counterparty (turn", StringComparison.Ordinal)).ToList();
        Assert.Collection(
            turns,
            n => Assert.StartsWith($"Ironclad: {workflow.IroncladId} is now with the counterparty (turn 2, {Carl.Email}).", n, StringComparison.Ordinal),
            n => Assert.StartsWith($"Ironclad: {workflow.IroncladId} is back with us from the counterparty (turn 3, {Legal(bridge).Email}).", n, StringComparison.Ordinal));
        AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task ARuleWithEachListSwitchedOff_NotesNothing_AndReadsNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:RelayComments"] = "false",
            ["ContractBridge:Rules:0:RelayApprovals"] = "false",
            ["ContractBridge:Rules:0:RelayTurns"] = "false",
        });
        var lead = bridge.Account.AddDeal("Hooli");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var control = bridge.Ironclad.Control;

        control.PostComment(workflow.Id, new ControlCommentRequest("Looks fine.", AuthorEmail: Legal(bridge).Email));
        control.RequestApproval(workflow.Id, new ControlApprovalRequest("finance", "Finance", Legal(bridge).Email));
        control.SetApproval(workflow.Id, "finance", new ControlApprovalStatus("approved"));
        control.PassTurn(workflow.Id, new ControlTurnRequest("counterparty", Carl.Email));
        await DealLossSteps.SettledAsync(bridge);

        var sent = control.Workflow(workflow.Id)!.Events.Where(e => e.WebhookIds.Count > 0).Select(e => e.Event).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["workflow_comment_added", "workflow_approval_status_changed", "workflow_changed_turn"], StringComparer.Ordinal), sent);

        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.StartsWith("Ironclad:", StringComparison.Ordinal) == true);
        var reads = control.Calls().ByEndpoint;
        Assert.False(reads.ContainsKey(CommentsRead));
        Assert.False(reads.ContainsKey("GET /public/api/v1/workflows/{id}/approvals"));
        Assert.False(reads.ContainsKey("GET /public/api/v1/workflows/{id}/turn-history"));
    }

    private static IroncladUser Legal(BridgeHarness bridge) => bridge.Ironclad.Control.Users[1];

    /// <summary>The notes that relay a comment ("Ironclad: Lena Legal on IC-1: …"), oldest first.</summary>
    private static List<string> Relayed(BridgeHarness bridge, long lead) =>
        [.. LifecycleSteps.Notes(bridge, lead).Select(n => n.Text ?? string.Empty).Where(t => t.Contains(" on IC-", StringComparison.Ordinal))];

    private static void AssertNoTooManyRequests(BridgeHarness bridge)
    {
        Assert.Equal(0, bridge.Ironclad.Control.Calls().TooManyRequests);
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }
}
