using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Kommo.Webhooks;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Flows;

public sealed class RuleBookTests
{
    private readonly RuleBook _rules = new(Options.Create(new BridgeOptions
    {
        Rules =
        [
            new ContractRule { Name = "msa", PipelineId = 1, StageId = 10, Template = "MSA" },
            new ContractRule { Name = "any-nda", StageId = 20, Template = "NDA" },
        ],
    }));

    [Theory]
    [InlineData(KommoLeadAction.Status, 1L, 10L, 9L, "msa")]
    [InlineData(KommoLeadAction.Status, 2L, 10L, 9L, null)]
    [InlineData(KommoLeadAction.Status, 7L, 20L, 19L, "any-nda")]
    [InlineData(KommoLeadAction.Add, 1L, 10L, null, "msa")]
    [InlineData(KommoLeadAction.Update, 1L, 10L, 9L, "msa")]
    [InlineData(KommoLeadAction.Update, 1L, 10L, 10L, null)]
    [InlineData(KommoLeadAction.Update, 1L, 10L, null, null)]
    [InlineData(KommoLeadAction.Status, 1L, 11L, 10L, null)]
    public void Triggered_OnlyByEnteringARulesStage(KommoLeadAction action, long pipeline, long status, long? oldStatus, string? expected)
    {
        var change = new KommoLeadChange(action, 5, status, oldStatus, pipeline, pipeline, 1);

        Assert.Equal(expected, _rules.Triggered(change)?.Name);
    }

    [Fact]
    public void StatusWebhook_FromAnotherPipelineIntoTheSameStageId_IsAMove()
    {
        var change = new KommoLeadChange(KommoLeadAction.Status, 5, 20, 20, 7, 8, 1);

        Assert.Equal("any-nda", _rules.Triggered(change)?.Name);
    }
}
