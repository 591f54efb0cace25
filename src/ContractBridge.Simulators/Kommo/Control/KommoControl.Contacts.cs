using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Store;
using ContractBridge.Simulators.Kommo.Webhooks;

namespace ContractBridge.Simulators.Kommo.Control;

/// <summary>A sales rep editing contacts and companies: each change sends update_contact or update_company, as Kommo does.</summary>
public sealed partial class KommoControl
{
    /// <summary>A rep edits a contact's card (names, emails, phones, custom fields): sends update_contact when anything changed.</summary>
    public void EditContact(EditContact edit)
    {
        var now = Now();
        var events = _store.Write(data =>
        {
            var contact = data.Contacts.GetValueOrDefault(edit.ContactId) ?? throw new ArgumentException($"Contact {edit.ContactId} does not exist.");
            var userId = UserOf(data, edit.ByUserId, contact.ResponsibleUserId);
            var changed = Rename(edit.Name, contact.Name, v => contact.Name = v);
            changed |= Rename(edit.FirstName, contact.FirstName, v => contact.FirstName = v);
            changed |= Rename(edit.LastName, contact.LastName, v => contact.LastName = v);
            var values = new List<SeedFieldValue>();
            AddChannels(data, values, "EMAIL", edit.Emails);
            AddChannels(data, values, "PHONE", edit.Phones);
            values.AddRange(edit.CustomFields);
            changed |= CustomFieldValueChange.ApplyAll(contact.CustomFields, AccountSeeder.ReadValues(data, "contacts", values));
            if (!changed)
            {
                return Array.Empty<LeadEvent>();
            }

            contact.UpdatedAt = now;
            contact.UpdatedBy = userId;
            return [LeadEvent.ContactUpdate(contact.Id, isCompany: false, ContactWebhookFields.Of(contact, data, _options.AccountId))];
        });
        _webhooks.Emit(events);
    }

    /// <summary>A rep edits a company's card (name, custom fields): sends update_company when anything changed.</summary>
    public void EditCompany(EditCompany edit)
    {
        var now = Now();
        var events = _store.Write(data =>
        {
            var company = data.Companies.GetValueOrDefault(edit.CompanyId) ?? throw new ArgumentException($"Company {edit.CompanyId} does not exist.");
            var userId = UserOf(data, edit.ByUserId, company.ResponsibleUserId);
            var changed = Rename(edit.Name, company.Name, v => company.Name = v);
            changed |= CustomFieldValueChange.ApplyAll(company.CustomFields, AccountSeeder.ReadValues(data, "companies", edit.CustomFields));
            if (!changed)
            {
                return Array.Empty<LeadEvent>();
            }

            company.UpdatedAt = now;
            company.UpdatedBy = userId;
            return [LeadEvent.ContactUpdate(company.Id, isCompany: true, ContactWebhookFields.Of(company, data, _options.AccountId))];
        });
        _webhooks.Emit(events);
    }

    private static bool Rename(string? wanted, string current, Action<string> set)
    {
        if (wanted is null || wanted == current)
        {
            return false;
        }

        set(wanted);
        return true;
    }

    /// <summary>Given channels replace the field's values, as a PATCH of the field does.</summary>
    private static void AddChannels(KommoAccountData data, List<SeedFieldValue> values, string code, IReadOnlyList<SeedContactChannel>? channels)
    {
        if (channels is { Count: > 0 })
        {
            AccountSeeder.AddChannels(data, values, code, channels);
        }
    }

    private static long UserOf(KommoAccountData data, long? byUserId, long responsible)
    {
        if (byUserId is { } id && !data.Users.ContainsKey(id))
        {
            throw new ArgumentException($"User {id} does not exist.");
        }

        return byUserId ?? responsible;
    }
}
