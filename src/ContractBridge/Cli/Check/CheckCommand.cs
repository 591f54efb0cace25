using System.CommandLine;
using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;

namespace ContractBridge.Cli.Check;

/// <summary>
/// `check`: the configuration against the live accounts, before going live, with the connections and rules in force
/// (configured, or made at /setup and in the rule pages). Prints a pass/fail table; exit 0 when everything passed, 1
/// when a check failed, 2 when the configuration is incomplete or a service is not connected (nothing was called).
/// </summary>
public static class CheckCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> settings)
    {
        var command = new Command(
            "check",
            "Check the configuration against the live Kommo and Ironclad accounts: credentials, pipelines and stages, the writeback's custom fields, templates, attribute mappings and webhook registrations.");
        CommandRunner.SetAction(command, settings, (_, host, output, error, cancellationToken) => RunAsync(host, output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = host.Options;
        var validation = new BridgeOptionsValidator().Validate(null, options);
        if (validation.Failed && await ConfigurationProblems.ReportAsync(error, validation.Failures ?? []))
        {
            return ExitCodes.ConfigurationError;
        }

        var connections = await host.ReadStoredSetupAsync(error, cancellationToken);
        if (await ConfigurationProblems.ReportAsync(error, [.. ConfigurationProblems.ForKommo(options, connections), .. ConfigurationProblems.ForIronclad(options, connections)]))
        {
            return ExitCodes.ConfigurationError;
        }

        var results = new List<CheckResult>();
        await error.WriteLineAsync($"[1/3] Kommo: {connections.Kommo!.AccountUrl} ({Origin(connections.Kommo.FromConfiguration)}) ...");
        results.AddRange(await new KommoAccountChecks(host.Get<KommoClient>(), host.Get<RuleBook>().Rules).RunAsync(cancellationToken));
        results.AddRange(await new WritebackFieldChecks(host.Get<KommoClient>(), options).RunAsync(cancellationToken));
        await error.WriteLineAsync($"[2/3] Ironclad: {connections.Ironclad!.WebUrl} ({Origin(connections.Ironclad.FromConfiguration)}) ...");
        results.AddRange(await new IroncladTemplateChecks(host.Get<TemplateCatalog>(), host.Get<RuleBook>().Rules).RunAsync(cancellationToken));
        await error.WriteLineAsync("[3/3] Webhook registrations ...");
        results.AddRange(await new WebhookRegistrationChecks(host.Get<KommoClient>(), host.Get<IroncladClient>(), host.Get<WebhookRegistrar>(), options).RunAsync(cancellationToken));

        var table = new TextTable("RESULT", "AREA", "CHECK", "DETAIL") { FullLastColumn = true };
        foreach (var result in results)
        {
            table.Add(result.Outcome switch { CheckOutcome.Pass => "pass", CheckOutcome.Fail => "FAIL", CheckOutcome.Warn => "warn", _ => "skip" }, result.Area, result.Check, result.Detail);
        }

        await output.WriteAsync(table.ToString());
        var failed = results.Count(r => r.Outcome == CheckOutcome.Fail);
        var warned = results.Count(r => r.Outcome == CheckOutcome.Warn);
        await output.WriteLineAsync(
            $"{results.Count} checks: {results.Count(r => r.Outcome == CheckOutcome.Pass)} passed, {failed} failed, {results.Count(r => r.Outcome == CheckOutcome.Skip)} skipped"
            + (warned > 0 ? $", {warned} with a warning." : "."));
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string Origin(bool fromConfiguration) => fromConfiguration ? "configured" : "connected at /setup";
}
