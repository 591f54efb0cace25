using System.CommandLine;
using ContractBridge.Flows;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Cli;

/// <summary>`templates list` and `templates show NAME`: what Ironclad offers, read with the service's own credentials.</summary>
public static class TemplatesCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> settings)
    {
        var list = new Command("list", "List the Ironclad templates (workflow schemas) the configured credentials can launch.");
        CommandRunner.SetAction(list, settings, (_, host, output, error, cancellationToken) => ListAsync(host, output, error, cancellationToken));

        var name = new Argument<string>("name") { Description = "The template's name (case-insensitive; a unique part of it is enough)." };
        var show = new Command("show", "Show a template's launch fields: id, type, required flag, and which rule fills each.") { name };
        CommandRunner.SetAction(show, settings, (parse, host, output, error, cancellationToken) => ShowAsync(host, parse.GetRequiredValue(name), output, error, cancellationToken));

        return new Command("templates", "Inspect Ironclad templates.") { list, show };
    }

    private static async Task<int> ListAsync(CliHost host, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await ConfigurationProblems.ReportAsync(error, ConfigurationProblems.ForIronclad(host.Options, await host.ReadStoredSetupAsync(error, cancellationToken))))
        {
            return ExitCodes.ConfigurationError;
        }

        var templates = await host.Get<TemplateCatalog>().ListAsync(cancellationToken);
        var table = new TextTable("NAME", "ID", "FIELDS", "REQUIRED", "USED BY RULES");
        foreach (var template in templates.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            table.Add(
                template.Name,
                template.Id,
                template.Attributes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                template.Attributes.Count(a => a.Value.IsRequired).ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", host.Get<RuleBook>().Rules.Where(r => string.Equals(r.Template, template.Name, StringComparison.OrdinalIgnoreCase)).Select(r => r.Name)));
        }

        await output.WriteAsync(table.ToString());
        await output.WriteLineAsync($"{templates.Count} template(s).");
        return ExitCodes.Success;
    }

    private static async Task<int> ShowAsync(CliHost host, string name, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await ConfigurationProblems.ReportAsync(error, ConfigurationProblems.ForIronclad(host.Options, await host.ReadStoredSetupAsync(error, cancellationToken))))
        {
            return ExitCodes.ConfigurationError;
        }

        var lookup = await host.Get<TemplateCatalog>().FindAsync(name, cancellationToken);
        if (lookup.Template is not { } template)
        {
            await error.WriteLineAsync($"Not found: {lookup.Problem}.");
            return ExitCodes.Failure;
        }

        var rules = host.Get<RuleBook>().Rules.Where(r => string.Equals(r.Template, template.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        var plans = rules.Select(r => (Rule: r, Plan: AttributeMapper.Plan(r.Mapping, template))).ToList();
        await output.WriteLineAsync($"Template '{template.Name}' (id {template.Id})");
        var table = new TextTable("FIELD", "NAME", "TYPE", "REQUIRED", "FILLED FROM");
        foreach (var (id, attribute) in template.Attributes.OrderByDescending(a => a.Value.IsRequired).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            var filled = plans
                .Select(p => (p.Rule, Planned: p.Plan.Attributes.FirstOrDefault(a => a.Id == id)))
                .Where(p => p.Planned is not null)
                .Select(p => rules.Count == 1 ? p.Planned!.Expression.Text : $"{p.Rule.Name}: {p.Planned!.Expression.Text}");
            table.Add(id, attribute.DisplayName, TypeName(attribute), attribute.Required ?? "never", string.Join("; ", filled));
        }

        await output.WriteAsync(table.ToString());
        foreach (var (rule, plan) in plans.Where(p => p.Plan.Problems.Count > 0))
        {
            await output.WriteLineAsync($"Rule '{rule.Name}' cannot fill this template:");
            foreach (var problem in plan.Problems)
            {
                await output.WriteLineAsync($"  - {problem}");
            }
        }

        return ExitCodes.Success;
    }

    private static string TypeName(IroncladAttributeSchema attribute) =>
        attribute.ElementType is { } element ? $"{attribute.Type} of {element.Type}" : attribute.Type;
}
