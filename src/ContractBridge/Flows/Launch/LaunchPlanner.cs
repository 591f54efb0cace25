using ContractBridge.Configuration;
using ContractBridge.Flows.Mapping;
using ContractBridge.Kommo;

namespace ContractBridge.Flows.Launch;

/// <summary>
/// The launch's decisions about a deal, up to the call to Ironclad and writing nothing: whether the deal is already
/// closed, which template the rule names, and the deal's values for that template's attributes by the rule's mapping.
/// The launch (<see cref="LaunchContractHandler"/>) stops at the first refusal; a preview
/// (<see cref="Preview.DealPreview"/>) asks for every step, so it can show every problem at once.
/// </summary>
public sealed class LaunchPlanner(WorkflowLauncher launcher, KommoDirectory directory)
{
    public async Task<LaunchPlan> PlanAsync(ContractRule rule, DealSnapshot deal, bool stopAtRefusal, CancellationToken cancellationToken)
    {
        var triggerStage = await directory.StageNameAsync(rule.PipelineId ?? deal.Lead.PipelineId, rule.StageId, cancellationToken);
        string? closedStage = null;
        if (KommoStatuses.IsClosed(deal.Lead.StatusId))
        {
            closedStage = await directory.StageNameAsync(deal.Lead.PipelineId, deal.Lead.StatusId, cancellationToken);
            if (stopAtRefusal)
            {
                return new LaunchPlan(triggerStage, closedStage, null, null);
            }
        }

        var lookup = await launcher.FindTemplateAsync(rule, cancellationToken);
        var mapping = lookup.Template is { } template ? launcher.Map(rule, template, deal) : null;
        return new LaunchPlan(triggerStage, closedStage, lookup, mapping);
    }
}
