using System.Globalization;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// A contact or company in the v2 field names of Kommo's <c>contacts[update]</c> webhooks, as a recorded body has them:
/// id, name, responsible_user_id, date_create, last_modified, created_user_id, modified_user_id, custom_fields,
/// created_at, updated_at, then <c>type</c> ("contact" or "company": companies travel as contacts). Every value a string.
/// </summary>
internal static class ContactWebhookFields
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(KommoContact contact, KommoAccountData data, long accountId) =>
        Fields(contact.Id, contact.Name, contact.ResponsibleUserId, contact.CreatedAt, contact.UpdatedAt, contact.CreatedBy, contact.UpdatedBy,
            contact.CustomFields, data, accountId, "contact", contact.CompanyId);

    public static IReadOnlyList<KeyValuePair<string, string>> Of(KommoCompany company, KommoAccountData data, long accountId) =>
        Fields(company.Id, company.Name, company.ResponsibleUserId, company.CreatedAt, company.UpdatedAt, company.CreatedBy, company.UpdatedBy,
            company.CustomFields, data, accountId, "company", linkedCompanyId: null);

    private static List<KeyValuePair<string, string>> Fields(
        long id,
        string name,
        long responsibleUserId,
        long createdAt,
        long updatedAt,
        long createdBy,
        long updatedBy,
        IEnumerable<CustomFieldValue> customFields,
        KommoAccountData data,
        long accountId,
        string type,
        long? linkedCompanyId)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string key, long value) => fields.Add(new(key, value.ToString(CultureInfo.InvariantCulture)));

        Add("id", id);
        fields.Add(new("name", name));
        Add("responsible_user_id", responsibleUserId);
        Add("date_create", createdAt);
        Add("last_modified", updatedAt);
        Add("created_user_id", createdBy);
        Add("modified_user_id", updatedBy);
        if (linkedCompanyId is { } company)
        {
            Add("linked_company_id", company);
        }

        LeadWebhookFields.AddCustomFields(fields, customFields, data);
        Add("created_at", createdAt);
        Add("updated_at", updatedAt);
        fields.Add(new("type", type));
        Add("account_id", accountId);
        return fields;
    }
}
