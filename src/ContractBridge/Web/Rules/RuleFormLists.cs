using ContractBridge.Flows;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad.Api;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Web.Rules;

/// <summary>
/// The live lists the rule form offers: Kommo's pipelines with their stages, Ironclad's templates with their attributes,
/// and the deal's fields a mapping can name (the built-in ones and every lead, contact and company custom field by name).
/// </summary>
public sealed record RuleFormLists(
    IReadOnlyList<KommoPipeline> Pipelines,
    IReadOnlyList<IroncladWorkflowSchema> Templates,
    IReadOnlyList<(string Expression, string Label)> DealFields,
    string? Problem)
{
    private static readonly (string Path, string Entity)[] Entities = [("leads", "lead"), ("contacts", "contact"), ("companies", "company")];

    public static async Task<RuleFormLists> ReadAsync(KommoDirectory directory, KommoClient kommo, TemplateCatalog catalog, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        IReadOnlyList<KommoPipeline> pipelines = [];
        IReadOnlyList<IroncladWorkflowSchema> templates = [];
        var fields = KnownFields.All.Keys.Order(StringComparer.Ordinal).Select(k => (k, k)).ToList();
        try
        {
            pipelines = await directory.GetPipelinesAsync(cancellationToken);
            foreach (var (path, entity) in Entities)
            {
                fields.AddRange((await kommo.GetCustomFieldsAsync(path, cancellationToken))
                    .Select(f => (FormattableString.Invariant($"{entity}.cf[{f.Id}]"), FormattableString.Invariant($"{entity}: {f.Name ?? f.Code ?? "field"} ({f.Type})"))));
            }
        }
        catch (UpstreamException ex)
        {
            problems.Add($"Kommo could not be read: {ex.Message}");
        }

        try
        {
            templates = await catalog.ListAsync(cancellationToken);
        }
        catch (UpstreamException ex)
        {
            problems.Add($"Ironclad could not be read: {ex.Message}");
        }

        return new RuleFormLists(pipelines, templates, fields, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    public IroncladWorkflowSchema? Template(string? name) =>
        Templates.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
