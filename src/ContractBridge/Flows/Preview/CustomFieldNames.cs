using System.Globalization;
using ContractBridge.Flows.Mapping;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Preview;

/// <summary>
/// The custom field definitions of the entities a mapping reads (lead, contact, company), so a preview names each
/// <c>lead.cf[…]</c> term by its field's name and finds the terms no field answers to. A term matches a definition as
/// it matches a deal's value: a number by field id, anything else by field code, case-insensitively.
/// </summary>
public sealed class CustomFieldNames
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<KommoCustomField>> _definitions;

    /// <summary>No definitions read: every term is named by its expression alone.</summary>
    public static readonly CustomFieldNames None = new(new Dictionary<string, IReadOnlyList<KommoCustomField>>());

    /// <param name="definitions">Each entity's definitions by the entity's name in a mapping (lead, contact, company).</param>
    public CustomFieldNames(IReadOnlyDictionary<string, IReadOnlyList<KommoCustomField>> definitions) => _definitions = definitions;

    /// <summary>Each custom field term of the planned attributes, with the attribute it fills.</summary>
    public static IReadOnlyList<(string Attribute, MappingSource.CustomField Term)> TermsOf(MappingPlan plan) =>
        [.. plan.Attributes.SelectMany(a => a.Expression.Terms.OfType<MappingSource.CustomField>().Select(t => (a.Id, t)))];

    /// <summary>Reads the definitions of each entity <paramref name="terms"/> name, one list per entity, side by side; none when no term is a custom field.</summary>
    public static async Task<CustomFieldNames> ReadAsync(KommoClient kommo, IEnumerable<MappingSource.CustomField> terms, CancellationToken cancellationToken)
    {
        var entities = terms.Select(t => t.Entity).Distinct(StringComparer.Ordinal).ToList();
        var lists = await Task.WhenAll(entities.Select(e => kommo.GetCustomFieldsAsync(PathOf(e), cancellationToken)));
        return new CustomFieldNames(entities.Zip(lists).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }

    /// <summary>The term's definition; null when the entity's fields were read and none matches.</summary>
    public KommoCustomField? Find(MappingSource.CustomField term) =>
        _definitions.GetValueOrDefault(term.Entity)?.FirstOrDefault(d => Matches(d, term.Key));

    /// <summary>The term with its field's name: <c>lead.cf[648211] (Term months)</c>.</summary>
    public string Describe(MappingSource term) =>
        term is MappingSource.CustomField field && Find(field) is { Name: { Length: > 0 } name } ? $"{term.Expression} ({name})" : term.Expression;

    /// <summary>Why no field answers to the term, in the words `check` uses for the writeback's fields.</summary>
    public string Unknown(MappingSource.CustomField term)
    {
        var fields = _definitions.GetValueOrDefault(term.Entity) ?? [];
        var listed = fields.Count == 0
            ? "none"
            : string.Join(", ", fields.Select(d => string.Create(CultureInfo.InvariantCulture, $"'{d.Name}' ({d.Id}{(d.Code is null ? string.Empty : $", code {d.Code}")})")));
        return $"reads {term.Expression}, but there is no {term.Entity} custom field with this id or code; the {PathOf(term.Entity)} have: {listed}";
    }

    private static bool Matches(KommoCustomField definition, string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? definition.Id == id
            : string.Equals(definition.Code, key, StringComparison.OrdinalIgnoreCase);

    private static string PathOf(string entity) => entity switch
    {
        "lead" => "leads",
        "contact" => "contacts",
        _ => "companies",
    };
}
