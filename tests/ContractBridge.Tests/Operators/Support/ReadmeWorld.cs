using System.Globalization;
using System.Security.Cryptography;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Simulators;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// Where the README's command lines run in a test: both simulators with a seeded account standing for acme's Kommo and
/// Ironclad, and a temporary directory standing for the machine's paths. The README's values are kept wherever they work
/// here; those that would reach the outside world are replaced, each by a stand-in named below, and a value of that kind
/// the tables do not know fails the run instead of reaching out.
/// </summary>
internal sealed class ReadmeWorld : IAsyncDisposable
{
    /// <summary>
    /// Kept as the README writes it: webhooks register only stores it at the simulators, which deliver nothing in these
    /// runs, and check only compares it.
    /// </summary>
    public const string PublicUrl = "https://bridge.acme.example";

    private static readonly SimulatorHostOptions SimulatorOptions = new();

    private readonly string _root;
    private readonly Dictionary<string, string> _standIns;

    private ReadmeWorld(SimulatorHost simulators, SalesAccount account, string root)
    {
        Simulators = simulators;
        Account = account;
        _root = root;
        ServeUrl = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        _standIns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["http://0.0.0.0:8080"] = ServeUrl.GetLeftPart(UriPartial.Authority),
            ["http://127.0.0.1:8080"] = ServeUrl.GetLeftPart(UriPartial.Authority),
            ["/opt/contractbridge"] = Directory.CreateDirectory(Path.Combine(root, "opt-contractbridge")).FullName,
            ["/var/lib/contractbridge"] = Path.Combine(root, "var-lib-contractbridge"),
        };
    }

    /// <summary>
    /// Every variable the README exports and the value it has here, from the README's own value: kept where it works
    /// against the simulators, else the simulators' counterpart.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<ReadmeWorld, string, string>> Variables { get; } = new Dictionary<string, Func<ReadmeWorld, string, string>>(StringComparer.Ordinal)
    {
        // Kept: KOMMO_BASE_URL, the README's alternative, is set too (see Environment) and wins over it.
        ["KOMMO_SUBDOMAIN"] = (_, readme) => readme,
        ["KOMMO_BASE_URL"] = (world, _) => world.KommoBaseUrl,
        ["KOMMO_ACCESS_TOKEN"] = (_, _) => SimulatorOptions.Kommo.LongLivedToken,
        ["KOMMO_CONTRACT_STAGE_ID"] = (world, _) => world.Account.SendContract.ToString(CultureInfo.InvariantCulture),
        ["KOMMO_PIPELINE_ID"] = (world, _) => world.Account.Sales.Id.ToString(CultureInfo.InvariantCulture),
        // Kept: 142 is Closed-Won in every Kommo pipeline, the simulator's too.
        ["KOMMO_CLOSED_WON_ID"] = (_, readme) => readme,
        // The README's $(openssl rand -hex 24), without the shell.
        ["KOMMO_WEBHOOK_SECRET"] = (_, _) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
        ["IRONCLAD_API_KEY"] = (_, _) => SimulatorOptions.Ironclad.ApiKey,
        ["IRONCLAD_BASE_URL"] = (world, _) => new Uri(world.Simulators.Ironclad.BaseUrl, "/public/api/v1").ToString(),
        ["IRONCLAD_CREATOR_EMAIL"] = (_, _) => SimulatorOptions.Ironclad.Users[0].Email,
        ["IRONCLAD_TEMPLATE_NAME"] = (_, readme) => readme,
    };

    public SimulatorHost Simulators { get; }

    public SalesAccount Account { get; }

    /// <summary>Where `serve` listens here, for the README's --urls.</summary>
    public Uri ServeUrl { get; }

    private string KommoBaseUrl => new Uri(Simulators.Kommo.BaseUrl, "/api/v4").ToString();

    public static async Task<ReadmeWorld> StartAsync()
    {
        var simulators = await SimulatorHost.StartAsync(SimulatorOptions);
        var root = Directory.CreateTempSubdirectory("cb-readme-").FullName;
        return new ReadmeWorld(simulators, SalesAccount.Seed(simulators.Kommo), root);
    }

    /// <summary>The README's exports with their values here, and KOMMO_BASE_URL pointing at the simulator.</summary>
    public IReadOnlyDictionary<string, string> Environment(IEnumerable<ReadmeExport> exports)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var export in exports)
        {
            environment[export.Name] = Variables.TryGetValue(export.Name, out var value)
                ? value(this, export.Value)
                : throw new InvalidOperationException($"The README exports {export.Name}, which {nameof(ReadmeWorld)}.{nameof(Variables)} does not know: say what it is here.");
        }

        environment["KOMMO_BASE_URL"] = KommoBaseUrl;
        return environment;
    }

    public IReadOnlyList<string> Arguments(ReadmeCommand command) => [.. command.Arguments.Select(StandIn)];

    /// <summary>The README's directory for the command; the repository root (`dotnet run` runs there) is an empty directory here.</summary>
    public string WorkingDirectory(ReadmeCommand command) =>
        command.WorkingDirectory is { } directory ? StandIn(directory) : Directory.CreateDirectory(Path.Combine(_root, "checkout")).FullName;

    public async ValueTask DisposeAsync()
    {
        await Simulators.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string StandIn(string word)
    {
        if (_standIns.TryGetValue(word, out var standIn))
        {
            return standIn;
        }

        var outside = word.Contains("://", StringComparison.Ordinal) || word.StartsWith('/');
        return !outside || word == PublicUrl
            ? word
            : throw new InvalidOperationException($"The README's '{word}' would reach outside the test: give it a stand-in in {nameof(ReadmeWorld)}.");
    }
}
