using ContractBridge.Flows.Activity;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Tests.Flows.Activity;

public sealed class CommentRelayTests
{
    private const string BridgeUser = "contracts@acme.example";
    private static readonly RelayedContract Contract = new("611f", "IC-3", "https://ironcladapp.com/workflows/611f");
    private static readonly IroncladFeedAuthor Lena = new(IroncladFeedAuthor.InternalUser, "Lena Legal", "lena@acme.example", "Acme", "u-1");
    private static readonly IroncladFeedAuthor Bridge = new(IroncladFeedAuthor.InternalUser, "ContractBridge Bot", "Contracts@Acme.example", "Acme", "u-0");
    private static readonly IroncladFeedAuthor Carl = new(IroncladFeedAuthor.ExternalUser, "Carl Counterparty", "carl@globex.example", "Globex", null);

    [Fact]
    public void AComment_IsANoteNamingItsAuthorAndContract()
    {
        var note = CommentRelay.Note(Comment("Can we cap liability?", Lena), Contract);

        Assert.Equal("Ironclad: Lena Legal on IC-3: Can we cap liability?\nhttps://ironcladapp.com/workflows/611f", note);
    }

    [Fact]
    public void AReply_NamesWhomItAnswers_AndTheCounterpartyIsMarked()
    {
        var reply = Comment("We need 2x.", Carl) with { IsExternal = true, RepliedTo = new IroncladCommentReply("c-1", Lena) };

        var note = CommentRelay.Note(reply, Contract);

        Assert.StartsWith("Ironclad: Carl Counterparty (counterparty, Globex) on IC-3, replying to Lena Legal: We need 2x.", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_BecomeNames_AndAnUnnamedMentionKeepsItsEmail()
    {
        var mentioned = new[] { new IroncladMentionedUser("u-7", "Rita Rep", "rita@acme.example") };

        var text = CommentRelay.WithNames("<@RITA@acme.example> and <@u-7>, ask <@ghost@acme.example>", mentioned);

        Assert.Equal("@Rita Rep and @Rita Rep, ask @ghost@acme.example", text);
    }

    [Fact]
    public void OnlyPeoplesComments_AreRelayed_NotTheBridgesOwnNorIroncladsNorAnIntegrations()
    {
        Assert.True(CommentRelay.IsAPersonsComment(Comment("x", Lena), BridgeUser));
        Assert.True(CommentRelay.IsAPersonsComment(Comment("x", Carl), BridgeUser));
        Assert.False(CommentRelay.IsAPersonsComment(Comment("x", Bridge), BridgeUser));
        Assert.False(CommentRelay.IsAPersonsComment(Comment("x", new IroncladFeedAuthor("system", "Ironclad", null, null, null)), BridgeUser));
        Assert.False(CommentRelay.IsAPersonsComment(Comment("x", new IroncladFeedAuthor("integration", "Salesforce", null, null, null)), BridgeUser));
        Assert.False(CommentRelay.IsAPersonsComment(Comment("x", null), BridgeUser));
    }

    private static IroncladComment Comment(string text, IroncladFeedAuthor? author) =>
        new("c-2", text, DateTimeOffset.UnixEpoch) { Author = author };
}
