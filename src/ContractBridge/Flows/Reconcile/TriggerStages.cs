using ContractBridge.Configuration;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Reconcile;

/// <summary>The stages the rules trigger on, as Kommo's stage filters name them: a rule without a pipeline names its stage in every pipeline that has it.</summary>
public static class TriggerStages
{
    public static IReadOnlyList<KommoStage> Of(IReadOnlyList<ContractRule> rules, IReadOnlyList<KommoPipeline> pipelines) =>
        rules.SelectMany(rule => rule.PipelineId is { } pipeline
                ? [new KommoStage(pipeline, rule.StageId)]
                : pipelines.Where(p => p.Statuses.Any(s => s.Id == rule.StageId)).Select(p => new KommoStage(p.Id, rule.StageId)))
            .Distinct()
            .ToList();
}
