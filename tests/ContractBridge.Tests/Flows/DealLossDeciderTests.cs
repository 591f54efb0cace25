using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows.DealLoss;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Tests.Flows;

public sealed class DealLossDeciderTests
{
    private const long Pipeline = 7;
    private const long New = 70, Negotiation = 71, SendContract = 72, Invoice = 73;

    private static readonly IReadOnlyList<KommoPipeline> Pipelines =
    [
        new(Pipeline, "Sales", new KommoPipelineEmbedded(
        [
            new(New, "New", Pipeline, 10), new(Negotiation, "Negotiation", Pipeline, 20), new(SendContract, "Send contract", Pipeline, 30),
            new(Invoice, "Invoice", Pipeline, 40), new(142, "Closed - won", Pipeline, 10000), new(143, "Closed - lost", Pipeline, 11000),
        ])),
    ];

    private static readonly ContractRule Rule = new() { Name = "msa", PipelineId = Pipeline, StageId = SendContract };

    [Theory]
    [InlineData(143L, DealLossKind.Lost)]
    [InlineData(Negotiation, DealLossKind.MovedBack)]
    [InlineData(New, DealLossKind.MovedBack)]
    [InlineData(Invoice, null)]
    [InlineData(SendContract, null)]
    [InlineData(142L, null)]
    public void AMove_IsALoss_WhenItGoesToClosedLost_OrBeforeTheTriggerStage(long status, DealLossKind? expected)
    {
        var loss = DealLossDecider.Decide(Move(status), Link(ContractState.Review), Rule, Pipelines);

        Assert.Equal(expected, loss?.Kind);
    }

    [Fact]
    public void AMoveBack_NamesTheStageAndTheTriggerStage()
    {
        Assert.Equal(new DealLoss(DealLossKind.MovedBack, "Negotiation", "Send contract"), DealLossDecider.Decide(Move(Negotiation), Link(ContractState.Signature), Rule, Pipelines));
    }

    [Theory]
    [InlineData(ContractState.Executed)]
    [InlineData(ContractState.Cancelled)]
    [InlineData(ContractState.Launching)]
    public void OnlyAContractInProgressHearsOfIt(ContractState state)
    {
        Assert.Null(DealLossDecider.Decide(Move(143), Link(state), Rule, Pipelines));
        Assert.Null(DealLossDecider.Decide(Deletion(), Link(state), Rule, Pipelines));
    }

    [Fact]
    public void ADeletion_IsALoss_AndTheRulesClosedWonStage_NeverIs()
    {
        var wonElsewhere = new ContractRule { Name = "msa", PipelineId = Pipeline, StageId = SendContract, ClosedWonStageId = Invoice };

        Assert.Equal(DealLossKind.Deleted, DealLossDecider.Decide(Deletion(), Link(ContractState.Review), Rule, Pipelines)?.Kind);
        Assert.Null(DealLossDecider.Decide(Move(Invoice), Link(ContractState.Review), wonElsewhere, Pipelines));
    }

    [Fact]
    public void AMoveToAnotherPipeline_OrWithNothingConfiguredToSay_IsNotALoss()
    {
        var silent = new ContractRule { Name = "msa", PipelineId = Pipeline, StageId = SendContract, OnDealLost = new DealLostActions { Comment = false } };

        Assert.Null(DealLossDecider.Decide(Move(New) with { PipelineId = 8 }, Link(ContractState.Review), Rule, Pipelines));
        Assert.Null(DealLossDecider.Decide(Move(143), Link(ContractState.Review), silent, Pipelines));
        Assert.NotNull(DealLossDecider.Decide(Move(143), Link(ContractState.Review), new ContractRule { StageId = SendContract, OnDealLost = new DealLostActions { Comment = false, Action = DealLostAction.Cancel } }, Pipelines));
    }

    [Fact]
    public void TheWords_NameTheDealTheReasonAndWhoDidIt()
    {
        var happened = DealLossTexts.Happened(new DealLoss(DealLossKind.Lost), "Acme", 5, "Rita Rep", "Price");

        Assert.Equal("the Kommo deal 'Acme' (#5) was lost (Closed - lost, reason: Price) by Rita Rep", happened);
        Assert.Equal("ContractBridge: The Kommo deal 'Acme' (#5) was lost (Closed - lost, reason: Price) by Rita Rep. https://acme.kommo.com/leads/detail/5\nThe workflow is paused.", DealLossTexts.Comment(happened, "https://acme.kommo.com/leads/detail/5", DealLostAction.Pause));
        Assert.Equal("Cancelled by ContractBridge: the Kommo deal 'Acme' (#5) was lost (Closed - lost, reason: Price) by Rita Rep.", DealLossTexts.ActionComment(happened, DealLostAction.Cancel));
        Assert.Equal("the Kommo deal 'Acme' (#5) was deleted", DealLossTexts.Happened(new DealLoss(DealLossKind.Deleted), "Acme", 5, null, null));
    }

    private static DealLostRequest Move(long status) => new(5, false, status, Pipeline, null, 9, $"{Pipeline}/{status}@1");

    private static DealLostRequest Deletion() => new(5, true, SendContract, Pipeline, null, null, "deleted");

    private static ContractLink Link(ContractState state) =>
        new(5, state == ContractState.Launching ? null : "wf1", "IC-1", "MSA", "msa", state, false, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);
}
