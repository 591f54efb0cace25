using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Flows.Triggers;

/// <summary>
/// What a Kommo webhook means for contracts already launched: an edited deal (update_lead) gets one edit sync, due after
/// <see cref="Configuration.KommoOptions.EditSyncDelay"/> so edits close together are read as one; an edited contact or company gets a
/// search for its deals. Nothing when no rule syncs edits. Whether the deal has an open contract is the job's to find
/// out: the intake only stores. A deal's update that comes with its own stage change in the same body is that move
/// (Kommo sends both for a drag to another stage, the bridge's own moves included), not an edit.
/// </summary>
public sealed class KommoEditTriggers(RuleBook rules, IOptions<BridgeOptions> options, TimeProvider time)
{
    public IReadOnlyList<NewJob> For(KommoWebhook webhook)
    {
        if (!rules.Rules.Any(r => r.SyncEdits))
        {
            return [];
        }

        var moved = webhook.Leads.Where(l => l.Action == KommoLeadAction.Status).Select(l => l.LeadId).ToHashSet();
        var due = time.GetUtcNow() + options.Value.Kommo.EditSyncDelay;
        var edited = webhook.Leads.Where(l => l.Action == KommoLeadAction.Update && !moved.Contains(l.LeadId)).Select(l => l.LeadId).Distinct();
        var entities = webhook.Entities.Where(e => e.Action == KommoLeadAction.Update).Select(e => (e.Type, e.Id)).Distinct();
        return [.. edited.Select(id => new EditSyncRequest(id).ToJob(due)), .. entities.Select(e => new FindEditedDealsRequest(e.Type, e.Id).ToJob())];
    }
}
