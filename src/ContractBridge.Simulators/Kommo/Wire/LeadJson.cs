using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>
/// A lead as <c>GET /api/v4/leads/{id}</c> answers it. Companies are always embedded; contacts only with
/// <c>with=contacts</c>; the loss reason only with <c>with=loss_reason</c>.
/// </summary>
internal static class LeadJson
{
    public static JsonObject Write(KommoLead lead, KommoAccountData data, KommoLinks links, ISet<string> with, long accountId)
    {
        var embedded = new JsonObject
        {
            ["tags"] = Tags(lead, data),
            ["companies"] = lead.CompanyId is { } companyId
                ? new JsonArray(new JsonObject { ["id"] = companyId, ["_links"] = KommoLinks.Self(links.Api($"companies/{companyId}")) })
                : new JsonArray(),
        };
        if (with.Contains("contacts"))
        {
            var contacts = new JsonArray();
            foreach (var link in lead.Contacts)
            {
                contacts.Add(new JsonObject
                {
                    ["id"] = link.ContactId,
                    ["is_main"] = link.IsMain,
                    ["_links"] = KommoLinks.Self(links.Api($"contacts/{link.ContactId}")),
                });
            }

            embedded["contacts"] = contacts;
        }

        if (with.Contains("loss_reason"))
        {
            embedded["loss_reason"] = lead.LossReasonId is { } reasonId && data.LossReasons.TryGetValue(reasonId, out var reason)
                ? new JsonArray(LossReasonJson.Write(reason, links))
                : new JsonArray();
        }

        return new JsonObject
        {
            ["id"] = lead.Id,
            ["name"] = lead.Name,
            ["price"] = lead.Price,
            ["responsible_user_id"] = lead.ResponsibleUserId,
            ["group_id"] = 0,
            ["status_id"] = lead.StatusId,
            ["pipeline_id"] = lead.PipelineId,
            ["loss_reason_id"] = lead.LossReasonId,
            ["created_by"] = lead.CreatedBy,
            ["updated_by"] = lead.UpdatedBy,
            ["created_at"] = lead.CreatedAt,
            ["updated_at"] = lead.UpdatedAt,
            ["closed_at"] = lead.ClosedAt,
            ["closest_task_at"] = ClosestOpenTask(lead.Id, data),
            ["is_deleted"] = false,
            ["custom_fields_values"] = CustomFieldValuesJson.Write(lead.CustomFields, data),
            ["score"] = null,
            ["account_id"] = accountId,
            ["labor_cost"] = null,
            ["_links"] = KommoLinks.Self(links.Api($"leads/{lead.Id}")),
            ["_embedded"] = embedded,
        };
    }

    private static JsonArray Tags(KommoLead lead, KommoAccountData data)
    {
        var tags = new JsonArray();
        foreach (var tag in Operations.LeadTags.Of(lead, data))
        {
            tags.Add(new JsonObject { ["id"] = tag.Id, ["name"] = tag.Name, ["color"] = null });
        }

        return tags;
    }

    private static long? ClosestOpenTask(long leadId, KommoAccountData data)
    {
        long? closest = null;
        foreach (var task in data.Tasks.Values)
        {
            if (task.EntityId == leadId && task.EntityType == "leads" && !task.IsCompleted && (closest is null || task.CompleteTill < closest))
            {
                closest = task.CompleteTill;
            }
        }

        return closest;
    }
}
