using ContractBridge.Configuration;

namespace ContractBridge.Cli;

/// <summary>The settings each kind of command needs, checked before anything is called, each problem saying what to set.</summary>
public static class ConfigurationProblems
{
    public static IReadOnlyList<string> ForKommo(BridgeOptions options)
    {
        var problems = new List<string>();
        if (options.Kommo.BaseUrl is null)
        {
            problems.Add("Kommo's API root is not set: KOMMO_SUBDOMAIN, KOMMO_BASE_URL or ContractBridge:Kommo:BaseUrl.");
        }

        if (string.IsNullOrEmpty(options.Kommo.AccessToken) && options.Kommo.OAuth is null)
        {
            problems.Add("No Kommo credentials: KOMMO_ACCESS_TOKEN or ContractBridge:Kommo:OAuth.");
        }

        return problems;
    }

    public static IReadOnlyList<string> ForIronclad(BridgeOptions options)
    {
        var problems = new List<string>();
        if (options.Ironclad.BaseUrl is null)
        {
            problems.Add("Ironclad's API root is not set: IRONCLAD_BASE_URL or ContractBridge:Ironclad:BaseUrl.");
        }

        if (string.IsNullOrEmpty(options.Ironclad.ApiKey) && options.Ironclad.OAuth is null)
        {
            problems.Add("No Ironclad credentials: IRONCLAD_API_KEY or ContractBridge:Ironclad:OAuth.");
        }

        if (options.Ironclad.OAuth is not null && string.IsNullOrEmpty(options.Ironclad.CreatorEmail))
        {
            problems.Add("Ironclad OAuth acts as a user: set IRONCLAD_CREATOR_EMAIL (ContractBridge:Ironclad:CreatorEmail).");
        }

        return problems;
    }

    /// <summary>Writes the problems and returns true when there were any.</summary>
    public static async Task<bool> ReportAsync(TextWriter error, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count == 0)
        {
            return false;
        }

        await WriteAsync(error, list);
        return true;
    }

    public static async Task WriteAsync(TextWriter error, IEnumerable<string> problems)
    {
        await error.WriteLineAsync("The configuration is incomplete:");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"  - {problem}");
        }

        await error.WriteLineAsync("Set these in appsettings.json or the environment (see README.md, Configuration).");
    }
}
