using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows;
using ContractBridge.Hosting;
using ContractBridge.Simulators;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Kommo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>
/// The real service against both simulators, over loopback HTTP: simulators on free ports, the bridge on a free port
/// with SQLite in a fresh directory, a seeded sales account, and the bridge's webhooks registered through its own
/// registrar (as an operator would).
/// </summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    public const string KommoWebhookSecret = "test-kommo-webhook-secret-42";

    /// <summary>The master key of tests whose instances share PostgreSQL (which refuses to start without one).</summary>
    public static readonly string MasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly string _dataDirectory;

    private BridgeHarness(SimulatorHost simulators, WebApplication app, Uri url, SalesAccount account, string dataDirectory)
    {
        Simulators = simulators;
        App = app;
        Url = url;
        Account = account;
        _dataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = url };
    }

    public SimulatorHost Simulators { get; }

    public KommoSimulator Kommo => Simulators.Kommo;

    public IroncladSimulator Ironclad => Simulators.Ironclad;

    public WebApplication App { get; }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public SalesAccount Account { get; }

    public IBridgeStore Store => App.Services.GetRequiredService<IBridgeStore>();

    public IContractLinkStore Contracts => App.Services.GetRequiredService<IContractLinkStore>();

    public static string KommoWebhookPath => $"/webhooks/kommo/{KommoWebhookSecret}";

    public static async Task<BridgeHarness> StartAsync(
        Func<SimulatorHostOptions, SimulatorHostOptions>? simulators = null,
        Func<SalesAccount, IReadOnlyDictionary<string, string?>>? configuration = null,
        bool registerWebhooks = true,
        Action<IServiceCollection>? services = null)
    {
        var hostOptions = simulators?.Invoke(new SimulatorHostOptions()) ?? new SimulatorHostOptions();
        var sims = await SimulatorHost.StartAsync(hostOptions);
        var account = SalesAccount.Seed(sims.Kommo);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cb-test-" + Guid.NewGuid().ToString("N")[..12]);
        var settings = BaseConfiguration(sims, account, dataDirectory, hostOptions);
        foreach (var (key, value) in configuration?.Invoke(account) ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = BridgeApp.Build([], settings, services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var harness = new BridgeHarness(sims, app, new Uri(address), account, dataDirectory);
        if (registerWebhooks)
        {
            await app.Services.GetRequiredService<WebhookRegistrar>().RegisterAsync(harness.Url, CancellationToken.None);
        }

        return harness;
    }

    public static Dictionary<string, string?> BaseConfiguration(SimulatorHost sims, SalesAccount account, string dataDirectory, SimulatorHostOptions options) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["ContractBridge:DataDirectory"] = dataDirectory,
        ["ContractBridge:Kommo:BaseUrl"] = new Uri(sims.Kommo.BaseUrl, "/api/v4").ToString(),
        ["ContractBridge:Kommo:AccessToken"] = options.Kommo.LongLivedToken,
        ["ContractBridge:Kommo:WebhookSecret"] = KommoWebhookSecret,
        ["ContractBridge:Ironclad:BaseUrl"] = new Uri(sims.Ironclad.BaseUrl, "/public/api/v1").ToString(),
        ["ContractBridge:Ironclad:ApiKey"] = options.Ironclad.ApiKey,
        ["ContractBridge:Ironclad:CreatorEmail"] = options.Ironclad.Users[0].Email,
        ["ContractBridge:Rules:0:Name"] = "msa",
        ["ContractBridge:Rules:0:PipelineId"] = account.Sales.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ContractBridge:Rules:0:StageId"] = account.SendContract.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ContractBridge:Rules:0:Template"] = "MSA",
        ["ContractBridge:Reconciler:Enabled"] = "false",
        ["ContractBridge:Kommo:WriteBatchLinger"] = "00:00:00.100",
        // The default margin (100 ms) stands for network jitter. Here the tests run side by side on two cores, where a
        // call can wait longer than that between its permit and its arrival (CI saw one 429 from a call that arrived
        // late enough to share the simulator's next window); the budget is proven by the budget tests and the bench.
        ["ContractBridge:Kommo:RateLimit:ArrivalMargin"] = "00:00:00.400",
        ["ContractBridge:Jobs:PollInterval"] = "00:00:00.100",
        // Tests read the counts right after changing them: counted on every view (DashboardCountsTests cover the keeping).
        ["ContractBridge:Dashboard:CountsMaxAge"] = "00:00:00",
        ["ContractBridge:Jobs:BackoffBase"] = "00:00:00.050",
        ["ContractBridge:Jobs:BackoffMax"] = "00:00:00.500",
        // Workflows a test leaves fully signed never reach Archive, so never get records: stop looking for them soon.
        ["ContractBridge:Ironclad:RecordRetryDelay"] = "00:00:00.100",
        ["ContractBridge:Ironclad:RecordWait"] = "00:00:03",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Settings that leave Kommo and Ironclad out of the base configuration, as for a service connected at /setup.</summary>
    public static Dictionary<string, string?> Unconnected(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(ContractBridge.Configuration.UnconnectedSettings.Nulls);
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The bridge's unfinished and failed jobs with their errors: printed when a wait times out.</summary>
    public string Explain()
    {
        var jobs = Store.ListAsync(null, 200, CancellationToken.None).GetAwaiter().GetResult()
            .Where(j => j.Status != ContractBridge.Engine.Jobs.JobStatus.Succeeded || j.LastError is not null)
            .Select(j => $"\n  job {j.Id} {j.Kind} {j.Key} {j.Status} attempts={j.Attempts} error={j.LastError}");
        return "\nJobs:" + string.Concat(jobs);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Simulators.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
