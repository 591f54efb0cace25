using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.LegalQuestions;
using ContractBridge.Flows.Triggers;
using ContractBridge.Kommo.Webhooks;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Flows;

/// <summary>Which webhooks start a loss check or a relay to legal, before any contract is looked at.</summary>
public sealed class LossAndLegalTriggersTests
{
    private static readonly RuleBook Rules = new(Options.Create(new BridgeOptions
    {
        Rules = [new ContractRule { Name = "msa", PipelineId = 7, StageId = 72 }],
    }));

    private readonly KommoTriggers _triggers = new(Rules);

    [Theory]
    [InlineData(KommoLeadAction.Status, 7L, 143L, 72L, true)]
    [InlineData(KommoLeadAction.Status, 7L, 71L, 72L, true)]
    [InlineData(KommoLeadAction.Status, 7L, 142L, 72L, false)]
    [InlineData(KommoLeadAction.Status, 7L, 72L, 71L, false)]
    [InlineData(KommoLeadAction.Status, 7L, 71L, 71L, false)]
    [InlineData(KommoLeadAction.Status, 8L, 143L, 80L, false)]
    [InlineData(KommoLeadAction.Update, 7L, 71L, null, false)]
    [InlineData(KommoLeadAction.Delete, 7L, 72L, null, true)]
    public void LossChecks_StartOnlyForMovesThatMayBeALoss_AndDeletions(KommoLeadAction action, long pipeline, long status, long? oldStatus, bool expected)
    {
        var change = new KommoLeadChange(action, 5, status, oldStatus, pipeline, pipeline, 1700000000, 9, null);

        var work = _triggers.For(new KommoWebhook([change], "acme", null, "kommo:x"));

        Assert.Equal(expected, work.Jobs.Any(j => j.Kind == JobKinds.DealLost));
    }

    [Fact]
    public void ALossCheck_NamesTheTransition_SoRepeatsOfItAreOne()
    {
        var lost = new KommoLeadChange(KommoLeadAction.Status, 5, 143, 72, 7, 7, 1700000000, 9, 991);

        var job = Assert.Single(_triggers.For(new KommoWebhook([lost, lost with { Action = KommoLeadAction.Update }], "acme", null, "kommo:x")).Jobs);

        Assert.Equal(new DealLostRequest(5, false, 143, 7, 991, 9, "7/143@1700000000").ToJob(), job);
    }

    [Theory]
    [InlineData("@legal can we cap it?", 4, 11L, true)]
    [InlineData("  @LEGAL: can we cap it?", 4, 11L, true)]
    [InlineData("Ask @legal later", 4, 11L, false)]
    [InlineData("@legal from a robot", 4, 0L, false)]
    [InlineData("@legal in a service message", 25, 11L, false)]
    [InlineData("Ironclad: contract IC-1 (MSA) launched for this deal.", 4, 11L, false)]
    public void LegalRelays_StartOnlyForCommonNotesOfPeople_ThatStartWithThePrefix(string text, int noteType, long author, bool expected)
    {
        var note = new KommoLeadNote(5, 100, noteType, text, author);

        var work = _triggers.For(new KommoWebhook([], "acme", null, "kommo:x", [note]));

        Assert.Equal(expected, work.Jobs.Any(j => j.Kind == JobKinds.LegalQuestion));
        Assert.Equal("1 note(s) on lead 5", work.Summary);
    }

    [Theory]
    [InlineData("@legal can we cap it?", "can we cap it?")]
    [InlineData("@Legal: who signs?", "who signs?")]
    [InlineData("@legal", "")]
    public void TheQuestion_IsTheNoteWithoutItsPrefix(string text, string question)
    {
        Assert.Equal(question, LegalQuestionHandler.Question(text, "@legal"));
    }

    [Theory]
    [InlineData("Ironclad")]
    [InlineData("ironclad: contract")]
    [InlineData("The deal")]
    [InlineData("  ")]
    public void APrefixTheBridgesOwnNotesCouldStartWith_IsRefused(string prefix)
    {
        var options = new BridgeOptions { LegalNotePrefix = prefix };

        var result = new BridgeOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("LegalNotePrefix", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDefaultPrefix_IsAccepted()
    {
        var result = new BridgeOptionsValidator().Validate(null, new BridgeOptions());

        Assert.DoesNotContain(result.Failures ?? [], f => f.Contains("LegalNotePrefix", StringComparison.Ordinal));
    }
}
