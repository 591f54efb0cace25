using ContractBridge.Configuration;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Tests.Flows.Reconcile;

public sealed class TriggerStagesTests
{
    private static readonly IReadOnlyList<KommoPipeline> Pipelines =
    [
        Pipeline(7001, 61, 62),
        Pipeline(7002, 71, 62),
        Pipeline(7003, 81),
    ];

    [Fact]
    public void ARuleWithAPipeline_NamesThatStageOnly() =>
        Assert.Equal([new KommoStage(7001, 61)], TriggerStages.Of([new ContractRule { PipelineId = 7001, StageId = 61 }], Pipelines));

    [Fact]
    public void ARuleWithoutAPipeline_NamesItsStageInEveryPipelineThatHasIt() =>
        Assert.Equal([new KommoStage(7001, 62), new KommoStage(7002, 62)], TriggerStages.Of([new ContractRule { StageId = 62 }], Pipelines));

    [Fact]
    public void StagesNamedTwice_AreListedOnce() =>
        Assert.Equal(
            [new KommoStage(7001, 62), new KommoStage(7002, 62), new KommoStage(7003, 81)],
            TriggerStages.Of([new ContractRule { StageId = 62 }, new ContractRule { PipelineId = 7001, StageId = 62 }, new ContractRule { PipelineId = 7003, StageId = 81 }], Pipelines));

    private static KommoPipeline Pipeline(long id, params long[] statuses) =>
        new(id, $"Pipeline {id}", new KommoPipelineEmbedded(statuses.Select(s => new KommoStatus(s, $"Stage {s}", id)).ToList()));
}
