using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Events;

/// <summary>
/// Writes the account's event feed as Kommo does: every stage change of a lead, whoever made it (a rep in the UI, an
/// integration's PATCH), is a <c>lead_status_changed</c> event, whether or not any webhook about it reaches anyone.
/// </summary>
internal static class LeadEventLog
{
    /// <summary>Records the change's stage move, if it moved the lead; call under the store's lock, right after applying it.</summary>
    public static void Record(KommoAccountData data, KommoLead lead, LeadChange change, long userId, long now)
    {
        if (!change.StatusChanged)
        {
            return;
        }

        data.Events.Add(new KommoEvent
        {
            Id = EventIds.Next(now, data.Ids.NextEvent()),
            Type = KommoEvent.LeadStatusChanged,
            EntityId = lead.Id,
            EntityType = "lead",
            CreatedBy = userId,
            CreatedAt = now,
            Before = new LeadStage(change.OldPipelineId, change.OldStatusId),
            After = new LeadStage(lead.PipelineId, lead.StatusId),
        });
    }
}
