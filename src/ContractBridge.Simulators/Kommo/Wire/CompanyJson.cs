using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>A company as <c>GET /api/v4/companies/{id}</c> answers it; contacts and leads only when asked with <c>with</c>.</summary>
internal static class CompanyJson
{
    public static JsonObject Write(KommoCompany company, KommoAccountData data, KommoLinks links, ISet<string> with, long accountId)
    {
        var embedded = new JsonObject { ["tags"] = new JsonArray() };
        if (with.Contains("contacts"))
        {
            var contacts = new JsonArray();
            foreach (var contact in data.ContactsOfCompany(company.Id))
            {
                contacts.Add(new JsonObject { ["id"] = contact.Id, ["_links"] = KommoLinks.Self(links.Api($"contacts/{contact.Id}")) });
            }

            embedded["contacts"] = contacts;
        }

        if (with.Contains("leads"))
        {
            embedded["leads"] = EmbeddedLinks.Leads(data.LeadsOfCompany(company.Id), links);
        }

        return new JsonObject
        {
            ["id"] = company.Id,
            ["name"] = company.Name,
            ["responsible_user_id"] = company.ResponsibleUserId,
            ["group_id"] = 0,
            ["created_by"] = company.CreatedBy,
            ["updated_by"] = company.UpdatedBy,
            ["created_at"] = company.CreatedAt,
            ["updated_at"] = company.UpdatedAt,
            ["closest_task_at"] = null,
            ["is_deleted"] = false,
            ["custom_fields_values"] = CustomFieldValuesJson.Write(company.CustomFields, data),
            ["account_id"] = accountId,
            ["_links"] = KommoLinks.Self(links.Api($"companies/{company.Id}")),
            ["_embedded"] = embedded,
        };
    }
}
