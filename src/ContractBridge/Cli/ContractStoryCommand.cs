using System.CommandLine;
using System.Globalization;
using ContractBridge.Flows.Story;

namespace ContractBridge.Cli;

/// <summary>
/// `contracts story LEAD`: one deal's story as tables, newest first: its contracts, the states they took, the jobs about
/// it (what each does, its status, attempts and last error) and the events that stored them. Exit 1 when the bridge
/// knows nothing of the lead.
/// </summary>
public static class ContractStoryCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> settings)
    {
        var lead = new Argument<long>("lead") { Description = "The deal's lead id in Kommo." };
        var limit = new Option<int>("--limit") { Description = "How many states, jobs and events each, newest first.", DefaultValueFactory = _ => DealStory.DefaultLimit };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--limit must be between 1 and 10000.");
            }
        });
        var story = new Command("story", "What the bridge did about one deal: its contracts and their states, its jobs and the events that caused them, and what it wrote on the deal in Kommo.") { lead, limit };
        CommandRunner.SetAction(story, settings, (parse, host, output, error, cancellationToken) =>
            PrintAsync(host, parse.GetValue(lead), parse.GetValue(limit), output, error, cancellationToken));
        return story;
    }

    private static async Task<int> PrintAsync(CliHost host, long leadId, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await host.OpenStoreAsync(error, cancellationToken);
        var page = await host.Get<DealStory>().ReadAsync(leadId, DealStoryCursor.Newest, limit, cancellationToken);
        if (page.IsEmpty)
        {
            await error.WriteLineAsync($"The bridge has no contract, job or event about lead {Id(leadId)}.");
            return ExitCodes.Failure;
        }

        await output.WriteLineAsync($"Deal {Id(leadId)}: {ContractsCommand.DealText(page.DealName)}{(page.DealUrl is { } url ? $"  {url}" : string.Empty)}");
        await Section(output, "Contracts", Contracts(page), page.Contracts.Count, null);
        await Section(output, "States", States(page), page.States.Count, page.StatesBefore);
        await Section(output, "Jobs", Jobs(page), page.Jobs.Count, page.JobsBefore);
        await Section(output, "Events", Events(page), page.Events.Count, page.EventsBefore);
        await Section(output, "Written to Kommo", Writes(page), page.Writes.Count, page.WritesBefore);
        return ExitCodes.Success;
    }

    private static TextTable Contracts(DealStoryPage page)
    {
        var table = new TextTable("WORKFLOW", "IC NUMBER", "TEMPLATE", "RULE", "STATE", "CREATED", "UPDATED", "IRONCLAD") { FullLastColumn = true };
        foreach (var contract in page.Contracts)
        {
            var link = contract.Link;
            table.Add(link.WorkflowId ?? "-", link.IroncladNumber ?? "-", link.TemplateName, link.RuleName, ContractsCommand.StateText(link),
                Timestamps.Format(link.CreatedAt), Timestamps.Format(link.UpdatedAt), contract.WorkflowUrl ?? "-");
        }

        return table;
    }

    private static TextTable States(DealStoryPage page)
    {
        var table = new TextTable("RECORDED", "STATE", "WORKFLOW", "IC NUMBER", "IRONCLAD UPDATED");
        foreach (var state in page.States)
        {
            table.Add(Timestamps.Format(state.RecordedAt), state.Paused ? $"{state.State} (paused)" : state.State.ToString(),
                state.WorkflowId ?? "-", state.IroncladNumber ?? "-", Timestamps.Format(state.IroncladUpdatedAt));
        }

        return table;
    }

    private static TextTable Jobs(DealStoryPage page)
    {
        var table = new TextTable("ID", "KIND", "WHAT", "STATUS", "ATTEMPTS", "CREATED", "UPDATED", "EVENT", "LAST ERROR");
        foreach (var (job, description) in page.Jobs)
        {
            table.Add(Id(job.Id), job.Kind, description, job.Status.ToString().ToLowerInvariant(), job.Attempts.ToString(CultureInfo.InvariantCulture),
                Timestamps.Format(job.CreatedAt), Timestamps.Format(job.UpdatedAt), job.EventId is { } eventId ? Id(eventId) : "-", job.LastError ?? string.Empty);
        }

        return table;
    }

    private static TextTable Events(DealStoryPage page)
    {
        var table = new TextTable("ID", "SOURCE", "RECEIVED", "JOBS", "SUMMARY");
        foreach (var stored in page.Events)
        {
            table.Add(Id(stored.Id), stored.Source, Timestamps.Format(stored.ReceivedAt), stored.JobCount.ToString(CultureInfo.InvariantCulture), stored.Summary);
        }

        return table;
    }

    private static TextTable Writes(DealStoryPage page)
    {
        var table = new TextTable("WRITTEN", "KIND", "WHAT") { FullLastColumn = true };
        foreach (var write in page.Writes)
        {
            table.Add(Timestamps.Format(write.At), write.Kind, write.Detail);
        }

        return table;
    }

    private static async Task Section(TextWriter output, string title, TextTable table, int count, long? more)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{title} ({count}{(more is null ? string.Empty : ", newest first; --limit shows more")})");
        if (count > 0)
        {
            await output.WriteAsync(table.ToString());
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
