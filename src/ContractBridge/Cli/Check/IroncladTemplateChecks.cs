using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Flows.Mapping;
using ContractBridge.Upstream;

namespace ContractBridge.Cli.Check;

/// <summary>
/// The Ironclad side of `check`: the credentials list templates, each rule's template exists, and its mapping fits the
/// template's schema (every mapped attribute exists with a compatible type, every required one is mapped), using the
/// same <see cref="AttributeMapper.Plan"/> a launch uses. A template without a kommoLeadId attribute works, with a warning.
/// </summary>
public sealed class IroncladTemplateChecks(TemplateCatalog catalog, IReadOnlyList<ContractRule> rules)
{
    private const string Area = "Ironclad";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        try
        {
            var templates = await catalog.ListAsync(cancellationToken);
            results.Add(CheckResult.Pass(Area, "credentials", $"{templates.Count} template(s): {string.Join(", ", templates.Select(t => t.Name))}"));
        }
        catch (UpstreamException ex)
        {
            results.Add(CheckResult.Fail(Area, "credentials", ex.Message));
            results.AddRange(rules.Select(r => CheckResult.Skip(Area, $"rule '{r.Name}': template '{r.Template}'", "Ironclad could not be read")));
            return results;
        }

        foreach (var rule in rules)
        {
            results.AddRange(await CheckRuleAsync(rule, cancellationToken));
        }

        return results;
    }

    /// <summary>One rule's template and mapping: what `check` says of it, and what a rule saved in the dashboard must pass.</summary>
    public async Task<IReadOnlyList<CheckResult>> CheckRuleAsync(ContractRule rule, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        var prefix = $"rule '{rule.Name}':";
        var lookup = await catalog.FindAsync(rule.Template, cancellationToken);
        if (lookup.Template is not { } template)
        {
            results.Add(CheckResult.Fail(Area, $"{prefix} template '{rule.Template}'", lookup.Problem ?? "not found"));
            return results;
        }

        results.Add(CheckResult.Pass(Area, $"{prefix} template '{rule.Template}'", $"'{template.Name}' (id {template.Id})"));
        if (!template.Attributes.ContainsKey(AttributeMapper.LeadIdAttribute))
        {
            results.Add(CheckResult.Warn(Area, $"{prefix} attribute {AttributeMapper.LeadIdAttribute}", $"'{template.Name}' has none: a launch whose answer is lost "
                + "cannot be found again in Ironclad (the bridge then relies on its own record alone), and a workflow launched by hand "
                + $"cannot find its deal. Add a text attribute named {AttributeMapper.LeadIdAttribute} to the template."));
        }

        var plan = AttributeMapper.Plan(rule.Mapping, template);
        if (plan.Problems.Count == 0)
        {
            results.Add(CheckResult.Pass(Area, $"{prefix} mapping", $"{plan.Attributes.Count} attribute(s): {string.Join(", ", plan.Attributes.Select(a => a.Id))}"));
            return results;
        }

        results.AddRange(plan.Problems.Select(p => CheckResult.Fail(Area, $"{prefix} attribute {p.Attribute}", p.Message)));
        return results;
    }
}
