using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>A contact as <c>GET /api/v4/contacts/{id}</c> answers it; its leads only with <c>with=leads</c>.</summary>
internal static class ContactJson
{
    public static JsonObject Write(KommoContact contact, KommoAccountData data, KommoLinks links, ISet<string> with, long accountId)
    {
        var embedded = new JsonObject
        {
            ["tags"] = new JsonArray(),
            ["companies"] = contact.CompanyId is { } companyId
                ? new JsonArray(new JsonObject { ["id"] = companyId, ["_links"] = KommoLinks.Self(links.Api($"companies/{companyId}")) })
                : new JsonArray(),
        };
        if (with.Contains("leads"))
        {
            embedded["leads"] = EmbeddedLinks.Leads(data.LeadsOfContact(contact.Id), links);
        }

        return new JsonObject
        {
            ["id"] = contact.Id,
            ["name"] = contact.Name,
            ["first_name"] = contact.FirstName,
            ["last_name"] = contact.LastName,
            ["responsible_user_id"] = contact.ResponsibleUserId,
            ["group_id"] = 0,
            ["created_by"] = contact.CreatedBy,
            ["updated_by"] = contact.UpdatedBy,
            ["created_at"] = contact.CreatedAt,
            ["updated_at"] = contact.UpdatedAt,
            ["closest_task_at"] = null,
            ["is_deleted"] = false,
            ["is_unsorted"] = false,
            ["custom_fields_values"] = CustomFieldValuesJson.Write(contact.CustomFields, data),
            ["account_id"] = accountId,
            ["_links"] = KommoLinks.Self(links.Api($"contacts/{contact.Id}")),
            ["_embedded"] = embedded,
        };
    }
}
