using System.Text.Json;
using ContractBridge.Flows.Mapping;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Tests.Flows;

/// <summary>Builds deal snapshots for mapping tests, in Kommo's own shapes.</summary>
internal static class DealBuilder
{
    public static DealSnapshot Deal(
        decimal? price = 22500,
        string? contactName = "Jane Doe",
        IReadOnlyList<(string Email, string Code)>? emails = null,
        string? companyName = "Acme Ltd",
        IReadOnlyList<KommoCustomFieldValue>? leadFields = null,
        bool withContact = true,
        bool withCompany = true)
    {
        var contact = withContact
            ? new KommoContact(7, contactName, "Jane", "Doe", [Multitext("EMAIL", emails ?? [("jane@personal.example", "PRIV"), ("jane@acme.example", "WORK")])])
            : null;
        var company = withCompany ? new KommoCompany(9, companyName, null) : null;
        var lead = new KommoLead(101, "Acme MSA", price, 55, 1001, 2001, 1700000000, null, leadFields, null);
        return new DealSnapshot(lead, contact, company, new KommoAccount(1, "Acme Sales", "acme", "EUR", null));
    }

    public static KommoCustomFieldValue Field(long id, string? code, object value) =>
        new(id, "Field " + id, code, "text", [new KommoFieldValue(JsonSerializer.SerializeToElement(value), null, null)]);

    private static KommoCustomFieldValue Multitext(string code, IReadOnlyList<(string Value, string EnumCode)> values) =>
        new(1, code, code, "multitext", [.. values.Select(v => new KommoFieldValue(JsonSerializer.SerializeToElement(v.Value), v.EnumCode, null))]);
}
