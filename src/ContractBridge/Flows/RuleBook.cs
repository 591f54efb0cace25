using ContractBridge.Configuration;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Flows;

/// <summary>The configured rules: which lead changes trigger a launch, and each rule's actions by name.</summary>
public sealed class RuleBook(IOptions<BridgeOptions> options)
{
    public IReadOnlyList<ContractRule> Rules => options.Value.Rules;

    public ContractRule? Find(string name) => Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule for a template name (links recovered from Ironclad know only their template).</summary>
    public ContractRule? ForTemplate(string? templateName) =>
        Rules.FirstOrDefault(r => string.Equals(r.Template, templateName, StringComparison.OrdinalIgnoreCase)) ?? Rules.FirstOrDefault();

    /// <summary>
    /// The rule a lead change triggers, if any: a status change into the stage, a lead created in it, or an update whose
    /// old and new status differ and lands in it.
    /// </summary>
    public ContractRule? Triggered(KommoLeadChange change)
    {
        var entered = change.Action switch
        {
            KommoLeadAction.Status => change.OldStatusId != change.StatusId || change.OldPipelineId != change.PipelineId || change.OldStatusId is null,
            KommoLeadAction.Add => true,
            KommoLeadAction.Update => change.OldStatusId is not null && change.OldStatusId != change.StatusId,
            _ => false,
        };
        return entered ? Rules.FirstOrDefault(r => r.Matches(change.PipelineId, change.StatusId)) : null;
    }
}
