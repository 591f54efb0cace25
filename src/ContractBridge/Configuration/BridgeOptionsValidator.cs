
namespace ContractBridge.Configuration;

/// <summary>Refuses to start with a configuration that cannot work, saying every problem at once and how to fix it.</summary>
public sealed class BridgeOptionsValidator : IValidateOptions<BridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, BridgeOptions options)
    {
        var problems = new List<string>();
        // Kommo and Ironclad may be left out entirely: an admin connects them at /setup. What is given must be whole.
        var kommo = options.Kommo;
        var kommoGiven = kommo.BaseUrl is not null || !string.IsNullOrEmpty(kommo.AccessToken) || kommo.OAuth is not null;
        if (kommoGiven && kommo.BaseUrl is null)
        {
            problems.Add("Kommo's API root is not set: KOMMO_SUBDOMAIN, KOMMO_BASE_URL or ContractBridge:Kommo:BaseUrl (https://<subdomain>.kommo.com/api/v4); or leave Kommo out and connect it at /setup.");
        }

        if (kommoGiven && string.IsNullOrEmpty(kommo.AccessToken) && kommo.OAuth is null)
        {
            problems.Add("No Kommo credentials: KOMMO_ACCESS_TOKEN (a long-lived token) or ContractBridge:Kommo:OAuth; or leave Kommo out and connect it at /setup.");
        }

        if (kommo.OAuth is { } oauth && (oauth.ClientId.Length == 0 || oauth.ClientSecret.Length == 0 || oauth.RefreshToken.Length == 0))
        {
            problems.Add("Kommo OAuth needs ClientId, ClientSecret and a first RefreshToken.");
        }

        if (!string.IsNullOrEmpty(kommo.WebhookSecret) && kommo.WebhookSecret.Length < 16)
        {
            problems.Add("KOMMO_WEBHOOK_SECRET (ContractBridge:Kommo:WebhookSecret) must be a random string of at least 16 characters: it authenticates Kommo's webhooks. Left out, going live at /setup generates one.");
        }

        if (kommoGiven && string.IsNullOrEmpty(kommo.WebhookSecret))
        {
            problems.Add("KOMMO_WEBHOOK_SECRET (ContractBridge:Kommo:WebhookSecret) must be set to a random string of at least 16 characters when Kommo is configured: it authenticates Kommo's webhooks.");
        }

        var ironclad = options.Ironclad;
        var ironcladGiven = ironclad.BaseUrl is not null || !string.IsNullOrEmpty(ironclad.ApiKey) || ironclad.OAuth is not null;
        if (ironcladGiven && ironclad.BaseUrl is null)
        {
            problems.Add("Ironclad's API root is not set: IRONCLAD_BASE_URL or ContractBridge:Ironclad:BaseUrl (https://na1.ironcladapp.com/public/api/v1); or leave Ironclad out and connect it at /setup.");
        }

        if (ironcladGiven && string.IsNullOrEmpty(ironclad.ApiKey) && ironclad.OAuth is null)
        {
            problems.Add("No Ironclad credentials: IRONCLAD_API_KEY (legacy token) or ContractBridge:Ironclad:OAuth (client credentials); or leave Ironclad out and connect it at /setup.");
        }

        if (ironcladGiven && string.IsNullOrEmpty(ironclad.CreatorEmail))
        {
            problems.Add("IRONCLAD_CREATOR_EMAIL (ContractBridge:Ironclad:CreatorEmail) must name the Ironclad user who launches workflows.");
        }

        CheckLimit(problems, "Kommo:RateLimit", kommo.RateLimit);
        CheckLimit(problems, "Ironclad:WriteRateLimit", ironclad.WriteRateLimit);
        CheckLimit(problems, "Ironclad:ReadRateLimit", ironclad.ReadRateLimit);
        CheckLimit(problems, "Ironclad:SignStatusRateLimit", ironclad.SignStatusRateLimit);
        CheckLimit(problems, "Ironclad:OtherRateLimit", ironclad.OtherRateLimit);
        CheckLimit(problems, "Ironclad:RecordReadRateLimit", ironclad.RecordReadRateLimit);

        foreach (var (rule, index) in options.Rules.Select((r, i) => (r, i)))
        {
            problems.AddRange(RuleProblems.Of(rule, $"Rule {index} ('{rule.Name}')"));
        }

        foreach (var duplicate in options.Rules.GroupBy(r => (r.PipelineId, r.StageId)).Where(g => g.Count() > 1))
        {
            problems.Add($"Rules {string.Join(", ", duplicate.Select(r => $"'{r.Name}'"))} trigger on the same pipeline and stage ({duplicate.Key.PipelineId?.ToString() ?? "any"}/{duplicate.Key.StageId}).");
        }

        if (string.IsNullOrWhiteSpace(options.LegalNotePrefix))
        {
            problems.Add("LegalNotePrefix must not be empty: every note would go to legal (the default is @legal).");
        }
        else if (Flows.DealNotes.CouldStartWith(options.LegalNotePrefix.Trim()))
        {
            problems.Add($"LegalNotePrefix '{options.LegalNotePrefix}' is how the bridge's own notes begin: choose a prefix people type on purpose, such as @legal.");
        }

        problems.AddRange(WritebackOptionsProblems.Of(options.Writeback));

        if (options.StoredRules.RefreshInterval < TimeSpan.FromMilliseconds(100))
        {
            problems.Add($"StoredRules:RefreshInterval must be at least 100 ms (it is {options.StoredRules.RefreshInterval}; the default is 00:00:05).");
        }

        if (options.Reconciler.Interval < TimeSpan.FromSeconds(1))
        {
            problems.Add("Reconciler:Interval must be at least one second.");
        }

        if (options.Dashboard.LoginFailuresPerClient < 1 || options.Dashboard.LoginFailuresOverall < 1)
        {
            problems.Add("Dashboard:LoginFailuresPerClient and Dashboard:LoginFailuresOverall must each allow at least one failed login.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckLimit(List<string> problems, string name, RateLimitOptions limit)
    {
        if (limit.Permits <= 0 || limit.Window <= TimeSpan.Zero)
        {
            problems.Add($"{name} must allow at least one call per positive window (it is {limit}).");
        }

        if (limit.ArrivalMargin < TimeSpan.Zero)
        {
            problems.Add($"{name}:ArrivalMargin must not be negative (it is {limit.ArrivalMargin}).");
        }
    }
}
