using System.CommandLine;
using ContractBridge.Contracts;

namespace ContractBridge.Cli;

/// <summary>
/// `contracts list` (or a search with --query) and `contracts story`: which deal waits on which contract, and what the
/// bridge did about one deal, read from the service's database. `contracts preview`: what launching a deal's contract
/// would send, and what would stop it, without launching (<see cref="ContractsPreview"/>).
/// </summary>
public static class ContractsCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> settings)
    {
        var limit = new Option<int>("--limit") { Description = "How many contracts, newest first.", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--limit must be between 1 and 10000.");
            }
        });
        var query = new Option<string?>("--query", "-q")
        {
            Description = "Only contracts whose lead id is this, or whose IC number or deal name begins with it (any case).",
        };
        query.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && string.IsNullOrWhiteSpace(text))
            {
                result.AddError("--query needs a lead id, an IC number or the beginning of a deal's name.");
            }
        });
        var list = new Command("list", "List deal ↔ contract links: lead, deal name, workflow, IC number, template, state and when it last changed.") { limit, query };
        CommandRunner.SetAction(list, settings, (parse, host, output, error, cancellationToken) =>
            ListAsync(host, parse.GetValue(query), parse.GetValue(limit), output, error, cancellationToken));
        return new Command("contracts", "Inspect the contracts the bridge launched or follows, and preview a deal's launch.") { list, ContractStoryCommand.Create(settings), ContractsPreview.Create(settings) };
    }

    private static async Task<int> ListAsync(CliHost host, string? query, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await host.OpenStoreAsync(error, cancellationToken);
        var store = host.Get<IContractLinkStore>();
        var links = query is null ? await store.ListAsync(limit, cancellationToken) : await store.SearchAsync(query, limit, cancellationToken);
        var table = new TextTable("LEAD", "DEAL", "WORKFLOW", "IC NUMBER", "TEMPLATE", "RULE", "STATE", "UPDATED");
        foreach (var link in links)
        {
            table.Add(
                link.LeadId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DealText(link.DealName),
                link.WorkflowId ?? "-",
                link.IroncladNumber ?? "-",
                link.TemplateName,
                link.RuleName,
                StateText(link),
                Timestamps.Format(link.UpdatedAt));
        }

        await output.WriteAsync(table.ToString());
        if (query is not null)
        {
            await output.WriteLineAsync($"{links.Count} contract(s) match \"{query.Trim()}\"{(links.Count == limit ? $" (the first {limit}; --limit shows more)" : string.Empty)}.");
            return links.Count == 0 ? ExitCodes.Failure : ExitCodes.Success;
        }

        await output.WriteLineAsync($"{links.Count} contract(s){(links.Count == limit ? $" (the newest {limit}; --limit shows more)" : string.Empty)}.");
        return ExitCodes.Success;
    }

    /// <summary>The deal's name on one line of a table: control characters blanked, long names cut.</summary>
    public static string DealText(string? name)
    {
        const int MaxLength = 40;
        if (string.IsNullOrWhiteSpace(name))
        {
            return "-";
        }

        var line = string.Concat(name.Trim().Select(c => char.IsControl(c) ? ' ' : c));
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength - 1), "…");
    }

    public static string StateText(ContractLink link) => link.Paused ? $"{link.State} (paused)" : link.State.ToString();
}
