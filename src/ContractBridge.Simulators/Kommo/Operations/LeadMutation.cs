using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;
using ContractBridge.Simulators.Kommo.Webhooks;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Applies a validated <see cref="LeadPatch"/> to a lead and tells which webhook events it causes. Shared by the API's
/// PATCH and the control API's "sales rep" actions, so both change leads (and emit) the same way.
/// </summary>
internal static class LeadMutation
{
    public static LeadChange Apply(KommoLead lead, LeadPatch patch, long userId, long now)
    {
        var oldStatus = lead.StatusId;
        var oldPipeline = lead.PipelineId;
        var changed = false;

        if (patch.Name is { } name && name != lead.Name)
        {
            lead.Name = name;
            changed = true;
        }

        if (patch.Price is { } price && price != lead.Price)
        {
            lead.Price = price;
            changed = true;
        }

        if (patch.ResponsibleUserId is { } responsible && responsible != lead.ResponsibleUserId)
        {
            lead.ResponsibleUserId = responsible;
            changed = true;
        }

        if (patch.PipelineId is { } pipelineId)
        {
            lead.PipelineId = pipelineId;
        }

        if (patch.StatusId is { } statusId)
        {
            lead.StatusId = statusId;
        }

        var statusChanged = lead.StatusId != oldStatus || lead.PipelineId != oldPipeline;
        if (statusChanged)
        {
            // Kommo stamps closed_at when a deal is won or lost and clears it when the deal is reopened.
            lead.ClosedAt = KommoStatus.IsClosed(lead.StatusId) ? now : null;
            changed = true;
        }

        if (patch.SetsLossReason && patch.LossReasonId != lead.LossReasonId)
        {
            lead.LossReasonId = patch.LossReasonId;
            changed = true;
        }

        changed |= CustomFieldValueChange.ApplyAll(lead.CustomFields, patch.CustomFields);
        lead.UpdatedAt = now;
        lead.UpdatedBy = userId;
        return new LeadChange(changed, statusChanged, oldStatus, oldPipeline);
    }

    /// <summary>The webhook events of one change: <c>status</c> when the stage moved, <c>update</c> when anything changed.</summary>
    public static IEnumerable<LeadEvent> EventsOf(KommoLead lead, LeadChange change, KommoAccountData data, long accountId, long userId)
    {
        if (change.StatusChanged)
        {
            yield return new LeadEvent(
                LeadEvent.Status,
                lead.Id,
                LeadWebhookFields.Of(lead, data, accountId, userId, change.OldStatusId, change.OldPipelineId));
        }

        if (change.Changed)
        {
            yield return new LeadEvent(LeadEvent.Update, lead.Id, LeadWebhookFields.Of(lead, data, accountId, userId));
        }
    }
}
