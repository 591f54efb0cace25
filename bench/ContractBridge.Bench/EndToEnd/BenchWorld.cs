using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Flows;
using ContractBridge.Simulators;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// One benchmark's world: both simulators in this process with the real limits on a clock <see cref="Scale"/> times
/// faster and the given latency on every call, a Kommo account with a Sales pipeline, and the service in its own
/// process (or a fleet of them on one PostgreSQL database behind a balancer, <see cref="BenchDeployment"/>), configured
/// through environment variables with the same limits divided by the scale, its webhooks registered. Every instance is
/// given the published limits, as an operator would: the fleet shares them through its store. Simulator call counters
/// start at zero once the world is up.
/// </summary>
internal sealed class BenchWorld : IAsyncDisposable
{
    public const string WebhookSecret = "bench-kommo-webhook-secret";

    private readonly ReverseProxy? balancer;
    private readonly PostgresDatabase? database;

    private BenchWorld(SimulatorHost simulators, IReadOnlyList<ServiceProcess> services, ReverseProxy? balancer, PostgresDatabase? database, double scale, SeededPipeline sales, long repId)
    {
        Simulators = simulators;
        Services = services;
        this.balancer = balancer;
        this.database = database;
        Scale = scale;
        Sales = sales;
        RepId = repId;
    }

    public SimulatorHost Simulators { get; }

    public KommoSimulator Kommo => Simulators.Kommo;

    public IroncladSimulator Ironclad => Simulators.Ironclad;

    /// <summary>The first (or only) instance.</summary>
    public ServiceProcess Service => Services[0];

    public IReadOnlyList<ServiceProcess> Services { get; }

    /// <summary>Where the upstreams' webhooks go: the balancer in front of a fleet, else the one instance.</summary>
    public Uri PublicUrl => balancer?.Url ?? Service.Url;

    public double Scale { get; }

    public SeededPipeline Sales { get; }

    public long RepId { get; }

    public long SendContract => Sales.StatusId("Send contract");

    public long Negotiation => Sales.StatusId("Negotiation");

    /// <summary>Ironclad's launch rate on the scaled clock: 40 a minute, times the scale, per second.</summary>
    public double LaunchesPerSecond => 40 * Scale / 60;

    public Uri KommoWebhookUrl => new(PublicUrl, $"/webhooks/kommo/{WebhookSecret}");

    public static async Task<BenchWorld> StartAsync(
        E2eSettings settings, double scale, string? service = null, IReadOnlyDictionary<string, string>? environment = null, BenchDeployment? deployment = null, string? dataDirectory = null)
    {
        deployment ??= BenchDeployment.Sqlite;
        var faults = new FaultProfile { Latency = settings.Latency };
        var simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions
        {
            Kommo = new KommoSimulatorOptions { TimeScale = scale, Faults = faults },
            Ironclad = new IroncladSimulatorOptions { TimeScale = scale, Faults = faults },
        });
        try
        {
            var rep = simulators.Kommo.Control.AddUser(new SeedUser { Name = "Rita Rep", Email = "rita@acme.example" });
            var sales = simulators.Kommo.Control.AddPipeline(new SeedPipeline { Name = "Sales", Stages = ["New", "Negotiation", "Send contract", "Invoice"], IsMain = true });
            var variables = Configuration(simulators, sales, scale);
            foreach (var (key, value) in settings.Environment.Concat(environment ?? new Dictionary<string, string>()))
            {
                variables[key] = value;
            }

            var world = await DeployAsync(simulators, sales, rep, scale, service ?? settings.Service!, variables, deployment, dataDirectory);
            await world.RegisterWebhooksAsync();
            await world.WaitForWarmUpAsync(TimeSpan.FromSeconds(5));
            simulators.Kommo.Control.ResetCalls();
            simulators.Ironclad.Control.ResetCalls();
            return world;
        }
        catch
        {
            await simulators.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the instances: on a fresh PostgreSQL database for a fleet (the first creates the schema, the others start
    /// beside it, as in the chaos tool's fleet) and behind a round-robin balancer when there are several.
    /// </summary>
    private static async Task<BenchWorld> DeployAsync(
        SimulatorHost simulators, SeededPipeline sales, long rep, double scale, string service, Dictionary<string, string> variables, BenchDeployment deployment, string? dataDirectory)
    {
        var database = deployment.PostgresServer is { } server ? await PostgresDatabase.CreateAsync(server, CancellationToken.None) : null;
        var services = new List<ServiceProcess>();
        try
        {
            if (database is not null)
            {
                variables["ContractBridge__Postgres"] = database.ConnectionString;
                // A fleet refuses to start without a master key, the same on every instance.
                variables["ContractBridge__Secrets__MasterKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            }

            var ready = TimeSpan.FromSeconds(60);
            services.Add(await ServiceProcess.StartAsync(service, variables, ready, dataDirectory));
            services.AddRange(await Task.WhenAll(Enumerable.Range(1, deployment.Instances - 1).Select(_ => ServiceProcess.StartAsync(service, variables, ready))));
            var balancer = services.Count > 1 ? await ReverseProxy.StartAsync([.. services.Select(s => s.Url)]) : null;
            return new BenchWorld(simulators, services, balancer, database, scale, sales, rep);
        }
        catch
        {
            foreach (var started in services)
            {
                await started.DisposeAsync();
            }

            if (database is not null)
            {
                await database.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The highest peak resident memory of any instance (with its breakdown), and the CPU seconds of all of them.</summary>
    public (double PeakRssMb, MemoryBreakdown? PeakMemory, double CpuSeconds) Memory()
    {
        var figures = Services.Select(s => (Figures: s.Memory(), s.PeakBreakdown)).ToList();
        var highest = figures.MaxBy(f => f.Figures.PeakRssMb);
        return (highest.Figures.PeakRssMb, highest.PeakBreakdown, figures.Sum(f => f.Figures.CpuSeconds));
    }

    /// <summary>
    /// The service's configuration as environment variables: the simulators' addresses and credentials, one rule (Sales →
    /// "Send contract" launches MSA), and the real limits and the record look-ups' delays divided by the scale.
    /// </summary>
    public static Dictionary<string, string> Configuration(SimulatorHost simulators, SeededPipeline sales, double scale)
    {
        string Window(TimeSpan realWorld) => TimeSpan.FromTicks((long)(realWorld.Ticks / scale)).ToString("c", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["ContractBridge__Kommo__BaseUrl"] = new Uri(simulators.Kommo.BaseUrl, "/api/v4").ToString(),
            ["ContractBridge__Kommo__AccessToken"] = simulators.Kommo.Options.LongLivedToken,
            ["ContractBridge__Kommo__WebhookSecret"] = WebhookSecret,
            ["ContractBridge__Kommo__RateLimit__Permits"] = "7",
            ["ContractBridge__Kommo__RateLimit__Window"] = Window(TimeSpan.FromSeconds(1)),
            ["ContractBridge__Ironclad__BaseUrl"] = new Uri(simulators.Ironclad.BaseUrl, "/public/api/v1").ToString(),
            ["ContractBridge__Ironclad__ApiKey"] = "ironclad-sim-api-key",
            ["ContractBridge__Ironclad__CreatorEmail"] = "contracts@contractbridge.example",
            ["ContractBridge__Ironclad__WriteRateLimit__Permits"] = "40",
            ["ContractBridge__Ironclad__WriteRateLimit__Window"] = Window(TimeSpan.FromMinutes(1)),
            ["ContractBridge__Ironclad__ReadRateLimit__Permits"] = "400",
            ["ContractBridge__Ironclad__ReadRateLimit__Window"] = Window(TimeSpan.FromMinutes(1)),
            ["ContractBridge__Ironclad__OtherRateLimit__Permits"] = "800",
            ["ContractBridge__Ironclad__OtherRateLimit__Window"] = Window(TimeSpan.FromMinutes(1)),
            // Ironclad makes a record a little after execution; the bridge looks again after this, on the same scaled clock
            // (unscaled, each burst's lifecycle waited 30 s for its record reads before it was quiet).
            ["ContractBridge__Ironclad__RecordRetryDelay"] = Window(TimeSpan.FromSeconds(30)),
            ["ContractBridge__Ironclad__RecordWait"] = Window(TimeSpan.FromHours(2)),
            ["ContractBridge__Rules__0__Name"] = "msa",
            ["ContractBridge__Rules__0__PipelineId"] = sales.Id.ToString(CultureInfo.InvariantCulture),
            ["ContractBridge__Rules__0__StageId"] = sales.StatusId("Send contract").ToString(CultureInfo.InvariantCulture),
            ["ContractBridge__Rules__0__Template"] = "MSA",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
    }

    /// <summary>Adds deals in Negotiation, each with its company and a main contact with a work email (no webhooks).</summary>
    public long[] SeedDeals(int count, string prefix = "Deal")
    {
        var control = Kommo.Control;
        var leads = new long[count];
        for (var i = 0; i < count; i++)
        {
            var name = $"{prefix} {i + 1}";
            var company = control.AddCompany(new SeedCompany { Name = name + " Ltd" });
            var contact = control.AddContact(new SeedContact
            {
                Name = $"Signer {i + 1}",
                Emails = [new SeedContactChannel($"signer{i + 1}@client.example", "WORK")],
                Phones = [new SeedContactChannel("+1 555 0100", "WORK")],
                CompanyId = company,
            });
            leads[i] = control.AddLead(new SeedLead
            {
                Name = name,
                Price = 10_000 + i,
                PipelineId = Sales.Id,
                StatusId = Negotiation,
                ResponsibleUserId = RepId,
                Contacts = [new SeedLeadContact(contact, IsMain: true)],
                CompanyId = company,
            });
        }

        return leads;
    }

    /// <summary>Jobs in the service's database by status (read from its SQLite file or the fleet's PostgreSQL database, as an operator's query would).</summary>
    public async Task<IReadOnlyDictionary<string, long>> JobsByStatusAsync()
    {
        await using System.Data.Common.DbConnection connection = database is null
            ? new SqliteConnection($"Data Source={Service.DatabasePath};Pooling=False")
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM jobs GROUP BY status;";
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Polls until <paramref name="done"/> holds; returns when it first did, measured on <paramref name="clock"/>.</summary>
    public static async Task<TimeSpan> WaitUntilAsync(Stopwatch clock, Func<bool> done, TimeSpan timeout, string what, Func<string>? explain = null)
    {
        var deadline = clock.Elapsed + timeout;
        while (!done())
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.{explain?.Invoke()}");
            }

            await Task.Delay(10);
        }

        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (balancer is not null)
        {
            await balancer.DisposeAsync();
        }

        foreach (var service in Services)
        {
            await service.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        await Simulators.DisposeAsync();
    }

    /// <summary>
    /// A rep's deal reaches a service that has been up a while: the deals start once every instance has read what deals
    /// need as it starts (the account, pipelines, templates and the webhook key). A build that does not read them ahead
    /// (an older one, given with --service) is waited for until <paramref name="deadline"/>, then measured as it is.
    /// </summary>
    private async Task WaitForWarmUpAsync(TimeSpan deadline)
    {
        string[] kommo = ["GET /api/v4/account", "GET /api/v4/leads/pipelines"];
        string[] ironclad = ["GET /public/api/v1/workflow-schemas", "GET /public/api/v1/webhooks/verification-key"];
        bool Warm(IReadOnlyDictionary<string, long> calls, string[] endpoints) => endpoints.All(e => calls.GetValueOrDefault(e) >= Services.Count);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline && !(Warm(Kommo.Control.Calls.ByEndpoint, kommo) && Warm(Ironclad.Control.Calls().ByEndpoint, ironclad)))
        {
            await Task.Delay(10);
        }
    }

    /// <summary>What an operator's `webhooks register` does: the registrar's Kommo settings and Ironclad's state events to the service.</summary>
    private async Task RegisterWebhooksAsync()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Kommo.BaseUrl, "/api/v4/webhooks"))
        {
            Content = JsonContent.Create(new { destination = KommoWebhookUrl.ToString(), settings = WebhookRegistrar.KommoSettings, sort = 10 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Kommo.Options.LongLivedToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Ironclad.State.CreateWebhook(new JsonObject
        {
            ["events"] = new JsonArray([.. WebhookRegistrar.IroncladEvents.Select(e => (JsonNode)e)]),
            ["targetURL"] = new Uri(PublicUrl, "/webhooks/ironclad").ToString(),
        });
    }
}
