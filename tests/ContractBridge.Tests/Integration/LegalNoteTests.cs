using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>A note for legal (@legal …) on a deal reaches its workflow as a comment; the bridge's own notes never do.</summary>
public sealed class LegalNoteTests
{
    [Fact]
    public async Task LegalNote_IsPostedAsACommentNamingItsAuthor_AndTheDealIsToldItWasSent()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Acme Rockets");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Kommo.Control.WriteNote(new WriteNote { LeadId = lead, Text = "@Legal: can we cap liability at 1x fees?", ByUserId = bridge.Account.RepId });
        var comment = await DealLossSteps.CommentContainingAsync(bridge, workflow.Id, "a question from");
        var confirmation = await LifecycleSteps.NoteContainingAsync(bridge, lead, "your question was sent to legal");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Contains("a question from Rita Rep on the Kommo deal 'Acme Rockets'", comment.Message, StringComparison.Ordinal);
        Assert.EndsWith(":\ncan we cap liability at 1x fees?", comment.Message, StringComparison.Ordinal);
        Assert.Contains(workflow.IroncladId, confirmation.Text, StringComparison.Ordinal);
        Assert.Single(DealLossSteps.Comments(bridge, workflow.Id));
        Assert.Equal(0, bridge.Ironclad.Control.Calls().TooManyRequests);
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task OrdinaryNotes_AndTheBridgesOwnNotes_AreNeverRelayed()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Globex");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Kommo.Control.WriteNote(new WriteNote { LeadId = lead, Text = "Called the client, legal question later." });
        bridge.Kommo.Control.WriteNote(new WriteNote { LeadId = lead, Text = "@legal is the NDA mutual?" });
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "your question was sent to legal");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Single(DealLossSteps.Comments(bridge, workflow.Id));
        var bridgeNotes = bridge.Kommo.Control.EmittedWebhooks.Where(w => w.Actions.Contains("note")).ToList();
        Assert.True(bridgeNotes.Count >= 3, "Kommo told the bridge of its own launch and confirmation notes and of the rep's two notes");
        Assert.Equal(2, LifecycleSteps.Notes(bridge, lead).Count(n => n.Text?.StartsWith("Ironclad:", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task LegalNote_OnADealWithoutAContractInProgress_IsNotSent_AndTheNoteSaysSo()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Wonka Industries");

        bridge.Kommo.Control.WriteNote(new WriteNote { LeadId = lead, Text = "@legal anything to sign yet?" });
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "was not sent to legal");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Empty(bridge.Ironclad.Control.Workflows());
        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.StartsWith("Ironclad:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ARepeatedNoteWebhook_RelaysTheQuestionOnce()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Cyberdyne");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Kommo.Control.WriteNote(new WriteNote { LeadId = lead, Text = "@legal who signs for them?" });
        await DealLossSteps.CommentContainingAsync(bridge, workflow.Id, "who signs for them?");
        var body = bridge.Kommo.Control.EmittedWebhooks.Last(w => w.Body.Contains("signs", StringComparison.Ordinal)).Body;
        await DealLossSteps.PostKommoWebhookAsync(bridge, body + "&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Bextra%5D=1");
        await DealLossSteps.SettledAsync(bridge);

        Assert.Single(DealLossSteps.Comments(bridge, workflow.Id));
        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("your question was sent", StringComparison.Ordinal) == true);
    }
}
