using System.Globalization;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Mapping;

/// <summary>
/// One term of a mapping expression: a field of the deal (<c>lead.price</c>, <c>contact.email</c>, <c>lead.cf[PO]</c>)
/// or a constant (<c>'Net 30'</c>, <c>12</c>, <c>true</c>, <c>today</c>, <c>today+30d</c>).
/// </summary>
public abstract record MappingSource(string Expression, SourceKind Kind)
{
    public abstract SourceValue? Read(DealSnapshot deal, DateOnly today);

    /// <summary>Why <see cref="Read"/> found nothing, in words for the deal's note.</summary>
    public abstract string DescribeMissing(DealSnapshot deal);

    public sealed record Field(string Expression, SourceKind Kind, Func<DealSnapshot, SourceValue?> Getter, Func<DealSnapshot, string> Missing)
        : MappingSource(Expression, Kind)
    {
        public override SourceValue? Read(DealSnapshot deal, DateOnly today) => Getter(deal);

        public override string DescribeMissing(DealSnapshot deal) => Missing(deal);
    }

    public sealed record Constant(string Expression, SourceValue Value) : MappingSource(Expression, KindOf(Value))
    {
        public override SourceValue? Read(DealSnapshot deal, DateOnly today) => Value;

        public override string DescribeMissing(DealSnapshot deal) => "the constant is empty";
    }

    public sealed record Today(string Expression, int OffsetDays) : MappingSource(Expression, SourceKind.Day)
    {
        public override SourceValue? Read(DealSnapshot deal, DateOnly today) => new SourceValue.Day(today.AddDays(OffsetDays));

        public override string DescribeMissing(DealSnapshot deal) => string.Empty;
    }

    /// <summary>A custom field of the lead, contact or company, by field id or field code (case-insensitive).</summary>
    public sealed record CustomField(string Expression, string Entity, string Key) : MappingSource(Expression, SourceKind.Any)
    {
        public override SourceValue? Read(DealSnapshot deal, DateOnly today)
        {
            var field = FieldsOf(deal)?.FirstOrDefault(Matches);
            var values = field?.Values?.Select(v => v.Value).Where(v => v.ValueKind is not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined)).ToList();
            if (values is not { Count: > 0 })
            {
                return null;
            }

            if (values.Count > 1)
            {
                return new SourceValue.Text(string.Join(", ", values.Select(v => v.ToString())));
            }

            var value = values[0];
            return value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.Number => new SourceValue.Number(value.GetDecimal()),
                System.Text.Json.JsonValueKind.True => new SourceValue.Flag(true),
                System.Text.Json.JsonValueKind.False => new SourceValue.Flag(false),
                _ => string.IsNullOrWhiteSpace(value.ToString()) ? null : new SourceValue.Text(value.ToString()),
            };
        }

        public override string DescribeMissing(DealSnapshot deal) => FieldsOf(deal) is null && Entity != "lead"
            ? $"the deal has no {Entity}"
            : $"the {Entity}'s custom field '{Key}' is empty";

        private IReadOnlyList<KommoCustomFieldValue>? FieldsOf(DealSnapshot deal) => Entity switch
        {
            "lead" => deal.Lead.CustomFieldsValues ?? [],
            "contact" => deal.Contact is null ? null : deal.Contact.CustomFieldsValues ?? [],
            _ => deal.Company is null ? null : deal.Company.CustomFieldsValues ?? [],
        };

        private bool Matches(KommoCustomFieldValue field) =>
            long.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? field.FieldId == id
                : string.Equals(field.FieldCode, Key, StringComparison.OrdinalIgnoreCase);
    }

    private static SourceKind KindOf(SourceValue value) => value switch
    {
        SourceValue.Number => SourceKind.Number,
        SourceValue.Flag => SourceKind.Flag,
        SourceValue.Day => SourceKind.Day,
        SourceValue.Text t when t.Value.Contains('@', StringComparison.Ordinal) => SourceKind.Email,
        _ => SourceKind.Text,
    };
}
