using System.CommandLine;
using System.Globalization;
using ContractBridge.Flows.Preview;

namespace ContractBridge.Cli;

/// <summary>
/// `contracts preview LEAD_ID [--rule NAME] [--json]`: a dry run of the deal's launch (<see cref="DealPreview"/>), reading
/// Kommo, Ironclad and the database and writing to none of them. Exit 0 when it would launch cleanly, 3 when it found
/// problems (listed), 1 for a lead Kommo does not have, an unknown rule or an upstream failure, 2 for incomplete
/// configuration.
/// </summary>
public static class ContractsPreview
{
    public static Command Create(IReadOnlyDictionary<string, string?> settings)
    {
        var leadId = new Argument<string>("leadId") { Description = "The Kommo lead (deal) id: the number at the end of the deal's URL, …/leads/detail/12345." };
        leadId.Validators.Add(result =>
        {
            if (LeadIdText.Parse(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError(LeadIdText.NotALeadId(result.GetValueOrDefault<string>()));
            }
        });
        var rule = new Option<string?>("--rule") { Description = "Preview this rule's launch, whatever stage the deal is in (default: the rule whose trigger stage the deal is in)." };
        var json = new Option<bool>("--json") { Description = "Print the preview as JSON (the shape GET /api/preview/{leadId} answers with)." };
        var preview = new Command("preview", "Show what launching the deal's contract would send (each attribute with its type and value) and every problem, without launching or writing anything.") { leadId, rule, json };
        CommandRunner.SetAction(preview, settings, (parse, host, output, error, cancellationToken) =>
            RunAsync(host, LeadIdText.Parse(parse.GetRequiredValue(leadId))!.Value, parse.GetValue(rule), parse.GetValue(json), output, error, cancellationToken));
        return preview;
    }

    private static async Task<int> RunAsync(CliHost host, long leadId, string? rule, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var connections = await host.ReadStoredSetupAsync(error, cancellationToken);
        if (await ConfigurationProblems.ReportAsync(error, [.. ConfigurationProblems.ForKommo(host.Options, connections), .. ConfigurationProblems.ForIronclad(host.Options, connections)]))
        {
            return ExitCodes.ConfigurationError;
        }

        switch (await host.Get<DealPreview>().PreviewAsync(leadId, rule, cancellationToken))
        {
            case PreviewOutcome.LeadNotFound notFound:
                await error.WriteLineAsync($"Not found: {notFound.Message}");
                return ExitCodes.Failure;
            case PreviewOutcome.UnknownRule unknown:
                await error.WriteLineAsync(unknown.Message);
                return ExitCodes.Failure;
            case PreviewOutcome.Previewed { Report: var report }:
                await (json ? output.WriteLineAsync(PreviewJson.Write(report)) : WriteAsync(output, report));
                return report.WouldLaunch ? ExitCodes.Success : ExitCodes.ProblemsFound;
            default:
                throw new InvalidOperationException("Unknown preview outcome.");
        }
    }

    private static async Task WriteAsync(TextWriter output, DealPreviewReport report)
    {
        await output.WriteLineAsync($"Deal {report.LeadId.ToString(CultureInfo.InvariantCulture)} '{ContractsCommand.DealText(report.DealName)}' in '{report.Stage}' of '{report.Pipeline}'{(report.DealUrl is null ? string.Empty : $" ({report.DealUrl})")}");
        if (report.Rule is not null)
        {
            await output.WriteLineAsync($"Rule '{report.Rule}' (trigger stage '{report.TriggerStage}'){(report.TemplateName is null ? string.Empty : $", template '{report.TemplateName}' (id {report.TemplateId})")}");
            if (!report.InRuleStage)
            {
                await output.WriteLineAsync($"The deal is not in this rule's trigger stage: previewed as if it entered '{report.TriggerStage}'.");
            }
        }

        if (report.Attributes.Count > 0)
        {
            var table = new TextTable("ATTRIBUTE", "TYPE", "REQUIRED", "FROM", "VALUE") { FullLastColumn = true };
            foreach (var attribute in report.Attributes)
            {
                table.Add(attribute.Id, attribute.Type, attribute.Required ?? "never", attribute.Source, attribute.Value?.ToJsonString(PreviewJson.Display) ?? "null");
            }

            await output.WriteAsync(table.ToString());
        }

        if (report.Problems.Count > 0)
        {
            await output.WriteLineAsync("Problems:");
            foreach (var problem in report.Problems)
            {
                await output.WriteLineAsync($"  - [{problem.Code}] {problem.ToString().ReplaceLineEndings(" ")}");
            }
        }

        await output.WriteLineAsync(report.WouldLaunch
            ? $"Would launch: {report.Attributes.Count} attribute(s), no problems. Nothing was launched or written."
            : $"Would not launch: {report.Problems.Count} problem(s). Nothing was launched or written.");
    }
}
