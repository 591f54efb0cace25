using System.CommandLine;
using ContractBridge.Flows;

namespace ContractBridge.Cli;

/// <summary>
/// `webhooks register`: points Kommo and Ironclad at this service's public address, idempotently (an existing
/// registration for the same URL is kept or updated), with the connections in force: configured, or made at /setup. The
/// Kommo URL carries the webhook secret: it is never printed.
/// </summary>
public static class WebhooksCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> settings)
    {
        var publicUrl = new Option<Uri?>("--public-url")
        {
            Description = "Where Kommo and Ironclad reach this service, e.g. https://bridge.example.com (default: ContractBridge:PublicUrl, env CONTRACTBRIDGE_PUBLIC_URL).",
            CustomParser = HttpUrl.Parse,
        };
        var register = new Command("register", "Register this service's webhook URLs with Kommo (status_lead, add_lead, update_lead, update_contact, update_company) and Ironclad (workflow events).") { publicUrl };
        CommandRunner.SetAction(register, settings, (parse, host, output, error, cancellationToken) =>
            RegisterAsync(host, parse.GetValue(publicUrl), output, error, cancellationToken));
        return new Command("webhooks", "Manage the webhook registrations with Kommo and Ironclad.") { register };
    }

    private static async Task<int> RegisterAsync(CliHost host, Uri? publicUrlFlag, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = host.Options;
        var publicUrl = publicUrlFlag ?? options.PublicUrl;
        var connections = await host.ReadStoredSetupAsync(error, cancellationToken);
        var problems = ConfigurationProblems.ForKommo(options, connections).Concat(ConfigurationProblems.ForIronclad(options, connections)).ToList();
        if (publicUrl is null)
        {
            problems.Add("No public URL: pass --public-url or set CONTRACTBRIDGE_PUBLIC_URL (ContractBridge:PublicUrl).");
        }
        else if (!HttpUrl.IsValid(publicUrl))
        {
            problems.Add($"The public URL '{publicUrl}' must be an absolute http(s) address.");
        }

        if (connections.Kommo is { FromConfiguration: true } && (string.IsNullOrEmpty(options.Kommo.WebhookSecret) || options.Kommo.WebhookSecret.Length < 16))
        {
            problems.Add("KOMMO_WEBHOOK_SECRET (ContractBridge:Kommo:WebhookSecret) must be a random string of at least 16 characters: it is part of Kommo's webhook URL.");
        }

        if (await ConfigurationProblems.ReportAsync(error, problems))
        {
            return ExitCodes.ConfigurationError;
        }

        if (connections.KommoWebhookSecret is null)
        {
            // Kommo connected at /setup and never taken live there: make the secret as "Go live" would.
            await connections.EnsureKommoWebhookSecretAsync(cancellationToken);
            await error.WriteLineAsync("Generated Kommo's webhook secret and stored it encrypted, as going live at /setup does.");
        }

        await error.WriteLineAsync($"Registering {publicUrl} with Kommo and Ironclad...");
        var results = await host.Get<WebhookRegistrar>().RegisterAsync(publicUrl!, cancellationToken);
        var table = new TextTable("SERVICE", "URL", "OUTCOME");
        foreach (var result in results)
        {
            table.Add(result.Service, result.Url, result.Outcome);
        }

        await output.WriteAsync(table.ToString());
        return ExitCodes.Success;
    }
}
