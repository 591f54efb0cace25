using System.Globalization;

namespace ContractBridge.Flows.Mapping;

/// <summary>The deal fields a mapping can name, with the words used when one is empty.</summary>
public static class KnownFields
{
    public static readonly IReadOnlyDictionary<string, MappingSource.Field> All = new Dictionary<string, MappingSource.Field>(StringComparer.OrdinalIgnoreCase)
    {
        ["lead.id"] = new("lead.id", SourceKind.Number, d => new SourceValue.Number(d.Lead.Id), _ => "the lead has no id"),
        ["lead.name"] = new("lead.name", SourceKind.Text, d => Text(d.Lead.Name), _ => "the deal has no name"),
        ["lead.price"] = new("lead.price", SourceKind.Number, d => d.Lead.Price is { } p ? new SourceValue.Number(p) : null, _ => "the deal has no budget (price)"),
        ["contact.name"] = new("contact.name", SourceKind.Text, d => Text(d.Contact?.Name), NoContactOr("has no name")),
        ["contact.first_name"] = new("contact.first_name", SourceKind.Text, d => Text(d.Contact?.FirstName), NoContactOr("has no first name")),
        ["contact.last_name"] = new("contact.last_name", SourceKind.Text, d => Text(d.Contact?.LastName), NoContactOr("has no last name")),
        ["contact.email"] = new("contact.email", SourceKind.Email, d => Text(d.Contact?.Email), NoContactOr("has no email")),
        ["contact.phone"] = new("contact.phone", SourceKind.Text, d => Text(d.Contact?.Phone), NoContactOr("has no phone")),
        ["company.name"] = new("company.name", SourceKind.Text, d => Text(d.Company?.Name), d => d.Company is null ? "the deal has no company" : "the company has no name"),
        ["account.currency"] = new("account.currency", SourceKind.Text, d => Text(d.Account.Currency), _ => "the Kommo account has no currency"),
        ["account.name"] = new("account.name", SourceKind.Text, d => Text(d.Account.Name), _ => "the Kommo account has no name"),
        ["lead.responsible_user_id"] = new("lead.responsible_user_id", SourceKind.Number, d => d.Lead.ResponsibleUserId is { } u ? new SourceValue.Number(u) : null, _ => "the deal has no responsible user"),
    };

    private static SourceValue.Text? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : new SourceValue.Text(value.Trim());

    private static Func<DealSnapshot, string> NoContactOr(string what) => d => d.Contact is null
        ? "the deal has no contact"
        : string.Create(CultureInfo.InvariantCulture, $"the main contact '{d.Contact.Name}' {what}");
}
