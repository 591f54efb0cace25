using System.Globalization;
using ContractBridge.Simulators.Kommo.Store;
using ContractBridge.Simulators.Kommo.Webhooks;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Deletes a lead with its notes and tasks, and tells the delete_lead event it causes: Kommo's carries only the lead's
/// id, stage and pipeline (<c>leads[delete][0][id]</c>, <c>[status_id]</c>, <c>[pipeline_id]</c>).
/// </summary>
internal static class LeadRemoval
{
    public static LeadEvent Remove(KommoAccountData data, long leadId)
    {
        if (!data.Leads.Remove(leadId, out var lead))
        {
            throw new ArgumentException($"Lead {leadId} does not exist.");
        }

        foreach (var note in data.Notes.Values.Where(n => n.EntityType == "leads" && n.EntityId == leadId).ToList())
        {
            data.Notes.Remove(note.Id);
        }

        foreach (var task in data.Tasks.Values.Where(t => t.EntityType == "leads" && t.EntityId == leadId).ToList())
        {
            data.Tasks.Remove(task.Id);
        }

        return new LeadEvent(LeadEvent.Delete, leadId,
        [
            new("id", leadId.ToString(CultureInfo.InvariantCulture)),
            new("status_id", lead.StatusId.ToString(CultureInfo.InvariantCulture)),
            new("pipeline_id", lead.PipelineId.ToString(CultureInfo.InvariantCulture)),
        ]);
    }
}
