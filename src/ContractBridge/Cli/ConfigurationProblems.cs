using ContractBridge.Configuration;
using ContractBridge.Setup;

namespace ContractBridge.Cli;

/// <summary>The settings each kind of command needs, checked before anything is called, each problem saying what to set.</summary>
public static class ConfigurationProblems
{
    /// <summary>Nothing when Kommo is connected (configured or at /setup); else what to configure, or where to connect it.</summary>
    public static IReadOnlyList<string> ForKommo(BridgeOptions options, UpstreamConnections connections) =>
        connections.Kommo is not null ? [] : [.. ForKommo(options), NotConnected("Kommo")];

    public static IReadOnlyList<string> ForIronclad(BridgeOptions options, UpstreamConnections connections) =>
        connections.Ironclad is not null ? ForCreator(options) : [.. ForIronclad(options), NotConnected("Ironclad")];

    private static string NotConnected(string service) =>
        $"Or connect {service} at /setup in the dashboard: the CLI then uses that connection, read from this database.";

    private static List<string> ForKommo(BridgeOptions options)
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

    private static List<string> ForIronclad(BridgeOptions options)
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

        problems.AddRange(ForCreator(options));
        return problems;
    }

    private static IReadOnlyList<string> ForCreator(BridgeOptions options) =>
        options.Ironclad.OAuth is not null && string.IsNullOrEmpty(options.Ironclad.CreatorEmail)
            ? ["Ironclad OAuth acts as a user: set IRONCLAD_CREATOR_EMAIL (ContractBridge:Ironclad:CreatorEmail)."]
            : [];

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
