using System.Text.Json;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Events;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;
using ContractBridge.Simulators.Kommo.Webhooks;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Runs a lead PATCH (one lead or a batch) under the store's lock: every item is validated first and, if any fails,
/// nothing is changed and every failure is reported by request_id; otherwise all items are applied together.
/// </summary>
internal static class LeadUpdates
{
    /// <param name="routeLeadId">The id from <c>PATCH /leads/{id}</c>; null for the batch form, where each item names its id.</param>
    public static LeadUpdateOutcome Run(
        IReadOnlyList<JsonElement> items,
        long? routeLeadId,
        KommoAccountData data,
        long userId,
        long now,
        long accountId)
    {
        var failures = new List<RequestValidationErrors>();
        var planned = new List<(KommoLead Lead, LeadPatch Patch, string RequestId)>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var requestId = JsonRead.RequestId(item, index);
            var errors = new List<ValidationError>();
            var lead = FindLead(item, routeLeadId, data, errors);
            if (lead is not null)
            {
                var patch = LeadPatchReader.Read(item, lead, data, errors);
                planned.Add((lead, patch, requestId));
            }

            if (errors.Count > 0)
            {
                failures.Add(new RequestValidationErrors(requestId, errors));
            }
        }

        if (failures.Count > 0)
        {
            return new LeadUpdateOutcome(failures, [], []);
        }

        var updated = new List<UpdatedLead>();
        var events = new List<LeadEvent>();
        foreach (var (lead, patch, requestId) in planned)
        {
            var tagged = LeadTags.Apply(lead, patch.Tags, data);
            var change = LeadMutation.Apply(lead, patch, userId, now);
            change = tagged ? change with { Changed = true } : change;
            LeadEventLog.Record(data, lead, change, userId, now);
            events.AddRange(LeadMutation.EventsOf(lead, change, data, accountId, userId));
            updated.Add(new UpdatedLead(lead.Id, lead.UpdatedAt, requestId));
        }

        return new LeadUpdateOutcome([], updated, events);
    }

    private static KommoLead? FindLead(JsonElement item, long? routeLeadId, KommoAccountData data, List<ValidationError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationError.InvalidType("", "object"));
            return null;
        }

        var id = routeLeadId;
        if (id is null)
        {
            if (!item.TryGetProperty("id", out var idElement))
            {
                errors.Add(ValidationError.FieldMissing("id"));
                return null;
            }

            if (!JsonRead.IsInteger(idElement))
            {
                errors.Add(ValidationError.InvalidType("id", "int"));
                return null;
            }

            id = idElement.GetInt64();
        }

        if (data.Leads.TryGetValue(id.Value, out var lead))
        {
            return lead;
        }

        errors.Add(new ValidationError("NotFound", "id", $"Lead {id} not found"));
        return null;
    }
}
