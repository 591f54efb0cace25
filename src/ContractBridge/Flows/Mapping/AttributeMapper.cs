using System.Text.Json.Nodes;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Mapping;

/// <summary>
/// Maps a deal onto a template's attributes: declaratively (attribute → expression), checked against the schema's
/// types and required flags, every problem named by attribute.
/// </summary>
public static class AttributeMapper
{
    /// <summary>The attribute that lets a launch be found again by its deal (lost answers, links recovered from Ironclad).</summary>
    public const string LeadIdAttribute = "kommoLeadId";

    /// <summary>The mapping used when a rule gives none; applied to the attributes the template actually has.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultMapping = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["counterpartyName"] = "company.name ?? contact.name",
        ["contractValue"] = "lead.price",
        ["counterpartySignerName"] = "contact.name",
        ["counterpartySignerEmail"] = "contact.email",
        [LeadIdAttribute] = "lead.id",
    };

    public static MappingPlan Plan(IReadOnlyDictionary<string, string>? mapping, IroncladWorkflowSchema template)
    {
        var problems = new List<MappingProblem>();
        var planned = new List<PlannedAttribute>();
        var schema = template.Attributes;
        var explicitMapping = mapping is not null;
        var entries = new Dictionary<string, string>(mapping ?? DefaultMapping, StringComparer.Ordinal);

        // The deal id travels with every launch the template can carry it on: it is how a lost launch is found again.
        if (schema.ContainsKey(LeadIdAttribute))
        {
            entries.TryAdd(LeadIdAttribute, "lead.id");
        }

        foreach (var (attribute, text) in entries)
        {
            if (!schema.TryGetValue(attribute, out var attributeSchema))
            {
                if (explicitMapping)
                {
                    problems.Add(new(attribute, $"is not an attribute of the template '{template.Name}' (it has: {string.Join(", ", schema.Keys.Order(StringComparer.Ordinal))})", MappingProblemKind.UnknownAttribute));
                }

                continue;
            }

            if (!MappingExpression.TryParse(text, out var expression, out var error))
            {
                problems.Add(new(attribute, $"the mapping '{text}' cannot be read: {error}", MappingProblemKind.UnreadableMapping));
                continue;
            }

            if (!AttributeCoercion.FillableTypes.Contains(attributeSchema.Type))
            {
                problems.Add(new(attribute, $"has type {attributeSchema.Type} in '{template.Name}', which the bridge cannot fill from Kommo", MappingProblemKind.UnfillableType));
                continue;
            }

            var incompatible = expression!.Terms.Where(t => !AttributeCoercion.IsCompatible(t.Kind, attributeSchema.Type)).ToList();
            if (incompatible.Count > 0)
            {
                problems.Add(new(attribute, $"is a {attributeSchema.Type} in '{template.Name}', but {string.Join(" and ", incompatible.Select(t => t.Expression))} gives {incompatible[0].Kind.ToString().ToLowerInvariant()}", MappingProblemKind.TypeMismatch));
                continue;
            }

            planned.Add(new PlannedAttribute(attribute, attributeSchema, expression));
        }

        foreach (var (attribute, attributeSchema) in schema.Where(a => a.Value.IsRequired && !entries.ContainsKey(a.Key)))
        {
            problems.Add(new(attribute, $"({attributeSchema.DisplayName ?? attribute}) is required by '{template.Name}' but nothing is mapped to it; add it to the rule's Mapping", MappingProblemKind.MissingRequired));
        }

        return new MappingPlan(template.Name, planned, problems);
    }

    public static MappingResult Map(MappingPlan plan, DealSnapshot deal, string currency, DateOnly today)
    {
        var attributes = new JsonObject();
        var sources = new Dictionary<string, MappingSource>(StringComparer.Ordinal);
        var problems = new List<MappingProblem>(plan.Problems);
        foreach (var planned in plan.Attributes)
        {
            var source = planned.Expression.Terms.Select(term => (Term: term, Value: term.Read(deal, today))).FirstOrDefault(t => t.Value is not null);
            if (source.Value is null)
            {
                if (planned.Schema.IsRequired)
                {
                    var why = string.Join(" and ", planned.Expression.Terms.Select(t => t.DescribeMissing(deal)).Distinct());
                    problems.Add(new(planned.Id, $"({planned.Schema.DisplayName ?? planned.Id}) is required, but {why}", MappingProblemKind.MissingRequired));
                }

                continue;
            }

            if (AttributeCoercion.TryCoerce(source.Value, planned.Schema.Type, currency, out var node, out var error))
            {
                attributes[planned.Id] = node;
                sources[planned.Id] = source.Term;
            }
            else
            {
                problems.Add(new(planned.Id, $"({planned.Schema.DisplayName ?? planned.Id}) {error} (from {source.Term.Expression})", MappingProblemKind.TypeMismatch));
            }
        }

        return new MappingResult(attributes, problems, sources);
    }
}
