using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContractBridge.Flows;
using ContractBridge.Simulators;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Chaos.World;

/// <summary>
/// Both simulators in this process, a seeded sales account (a Sales pipeline with a "Send contract" stage, a rep) and
/// the settings that point a bridge at them. The simulators are the witnesses: the invariants are read from them.
/// </summary>
public sealed class ChaosWorld : IAsyncDisposable
{
    public const string RuleName = "msa";

    /// <summary>The Ironclad simulator's OAuth client (its default; the secret is this run's).</summary>
    public const string IroncladClientId = "ironclad-sim-client";

    private ChaosWorld(SimulatorHost simulators, WorldOptions options, ChaosSecrets secrets, SeededPipeline sales, long repId)
    {
        Simulators = simulators;
        Options = options;
        Secrets = secrets;
        Sales = sales;
        RepId = repId;
    }

    public SimulatorHost Simulators { get; }

    public KommoSimulator Kommo => Simulators.Kommo;

    public IroncladSimulator Ironclad => Simulators.Ironclad;

    public WorldOptions Options { get; }

    public ChaosSecrets Secrets { get; }

    public SeededPipeline Sales { get; }

    public long RepId { get; }

    public long Negotiation => Sales.StatusId("Negotiation");

    public long SendContract => Sales.StatusId("Send contract");

    public Uri KommoApi => new(Kommo.BaseUrl, "/api/v4");

    public Uri IroncladApi => new(Ironclad.BaseUrl, "/public/api/v1");

    public static async Task<ChaosWorld> StartAsync(WorldOptions options, CancellationToken cancellationToken)
    {
        var secrets = ChaosSecrets.Create(options.Seed);
        var hostOptions = new SimulatorHostOptions
        {
            Kommo = new KommoSimulatorOptions
            {
                TimeScale = options.TimeScale,
                Faults = options.KommoFaults,
                Seed = options.Seed,
                LongLivedToken = secrets.KommoToken,
                ClientSecret = secrets.KommoClientSecret,
                InitialRefreshToken = secrets.KommoRefreshToken,
                AccessTokenLifetime = options.KommoAccessTokenLifetime,
            },
            Ironclad = new IroncladSimulatorOptions
            {
                TimeScale = options.TimeScale,
                Faults = options.IroncladFaults,
                Seed = options.Seed + 1,
                ApiKey = secrets.IroncladApiKey,
                OAuthClientId = IroncladClientId,
                OAuthClientSecret = secrets.IroncladClientSecret,
            },
        };
        var simulators = await SimulatorHost.StartAsync(hostOptions, cancellationToken);
        var rep = simulators.Kommo.Control.AddUser(new SeedUser { Name = "Rita Rep", Email = "rita@acme.example" });
        var sales = simulators.Kommo.Control.AddPipeline(new SeedPipeline { Name = "Sales", Stages = ["New", "Negotiation", "Send contract", "Invoice"], IsMain = true });
        return new ChaosWorld(simulators, options, secrets, sales, rep);
    }

    /// <summary>Deals in Negotiation, each with a company and a main contact with a work email.</summary>
    public IReadOnlyList<long> AddDeals(int count, string prefix = "Deal")
    {
        var leads = new List<long>(count);
        for (var i = 1; i <= count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:D4}");
            var company = Kommo.Control.AddCompany(new SeedCompany { Name = name + " Ltd" });
            var contact = Kommo.Control.AddContact(new SeedContact
            {
                Name = "Sam Signer " + i.ToString(CultureInfo.InvariantCulture),
                Emails = [new SeedContactChannel(string.Create(CultureInfo.InvariantCulture, $"signer{i}@client.example"), "WORK")],
                CompanyId = company,
            });
            leads.Add(Kommo.Control.AddLead(new SeedLead
            {
                Name = name,
                Price = 1_000 + (i * 10),
                PipelineId = Sales.Id,
                StatusId = Negotiation,
                ResponsibleUserId = RepId,
                Contacts = [new SeedLeadContact(contact, IsMain: true)],
                CompanyId = company,
            }));
        }

        return leads;
    }

    /// <summary>The bridge's configuration (keys as in appsettings), pointing at these simulators with this run's secrets.</summary>
    public Dictionary<string, string?> BridgeSettings(BridgeTuning tuning)
    {
        string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
        var scale = Options.TimeScale;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ContractBridge:DataDirectory"] = tuning.DataDirectory,
            ["ContractBridge:Postgres"] = tuning.Postgres,
            ["ContractBridge:Secrets:MasterKey"] = Secrets.MasterKey,
            ["ContractBridge:Kommo:BaseUrl"] = KommoApi.ToString(),
            ["ContractBridge:Kommo:WebhookSecret"] = Secrets.KommoWebhookSecret,
            ["ContractBridge:Kommo:RateLimit:Permits"] = "7",
            ["ContractBridge:Kommo:RateLimit:Window"] = TimeSpan.FromSeconds(1 / scale).ToString("c", CultureInfo.InvariantCulture),
            ["ContractBridge:Ironclad:BaseUrl"] = IroncladApi.ToString(),
            ["ContractBridge:Ironclad:CreatorEmail"] = Ironclad.Control.Users[0].Email,
            ["ContractBridge:Ironclad:WebhookSecret"] = Secrets.IroncladWebhookSecret,
            ["ContractBridge:Ironclad:WriteRateLimit:Permits"] = "40",
            ["ContractBridge:Ironclad:WriteRateLimit:Window"] = TimeSpan.FromMinutes(1 / scale).ToString("c", CultureInfo.InvariantCulture),
            ["ContractBridge:Ironclad:ReadRateLimit:Permits"] = "400",
            ["ContractBridge:Ironclad:ReadRateLimit:Window"] = TimeSpan.FromMinutes(1 / scale).ToString("c", CultureInfo.InvariantCulture),
            ["ContractBridge:Ironclad:OtherRateLimit:Permits"] = "800",
            ["ContractBridge:Ironclad:OtherRateLimit:Window"] = TimeSpan.FromMinutes(1 / scale).ToString("c", CultureInfo.InvariantCulture),
            // Workflows a fate leaves fully signed never reach Archive, so never get records: the bridge stops looking within
            // a scaled minute, or those reads would keep it from going quiet.
            ["ContractBridge:Ironclad:RecordRetryDelay"] = TimeSpan.FromSeconds(30 / scale).ToString("c", CultureInfo.InvariantCulture),
            ["ContractBridge:Ironclad:RecordWait"] = TimeSpan.FromMinutes(1 / scale).ToString("c", CultureInfo.InvariantCulture),
            ["ContractBridge:Rules:0:Name"] = RuleName,
            ["ContractBridge:Rules:0:PipelineId"] = Invariant($"{Sales.Id}"),
            ["ContractBridge:Rules:0:StageId"] = Invariant($"{SendContract}"),
            ["ContractBridge:Rules:0:Template"] = "MSA",
            ["ContractBridge:Reconciler:Enabled"] = tuning.ReconcilerInterval is null ? "false" : "true",
            ["ContractBridge:Reconciler:Interval"] = (tuning.ReconcilerInterval ?? TimeSpan.FromMinutes(10)).ToString("c", CultureInfo.InvariantCulture),
            ["ContractBridge:Jobs:PollInterval"] = "00:00:00.200",
            ["ContractBridge:Jobs:LeaseDuration"] = tuning.LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
            // The shipped schedule (2 s doubling to 10 min, 10 attempts) keeps retrying for about 17 minutes; compressed
            // to 0.5 s doubling to 10 s, 25 attempts keep a window of about 3 minutes against faults that run in real time.
            ["ContractBridge:Jobs:BackoffBase"] = "00:00:00.500",
            ["ContractBridge:Jobs:BackoffMax"] = "00:00:10",
            ["ContractBridge:Jobs:MaxAttempts"] = "25",
            ["ContractBridge:Jobs:ShutdownTimeout"] = "00:00:02",
            ["ContractBridge:Dashboard:AdminToken"] = Secrets.AdminToken,
            ["Logging:LogLevel:Default"] = tuning.LogLevel.ToString(),
            ["Logging:Console:FormatterName"] = "simple",
        };

        if (Options.KommoOAuth)
        {
            settings["ContractBridge:Kommo:OAuth:ClientId"] = Kommo.Options.ClientId;
            settings["ContractBridge:Kommo:OAuth:ClientSecret"] = Secrets.KommoClientSecret;
            settings["ContractBridge:Kommo:OAuth:RedirectUri"] = Kommo.Options.RedirectUri;
            settings["ContractBridge:Kommo:OAuth:RefreshToken"] = Secrets.KommoRefreshToken;
            settings["ContractBridge:Kommo:OAuth:RefreshBefore"] = tuning.KommoRefreshBefore.ToString("c", CultureInfo.InvariantCulture);
        }
        else
        {
            settings["ContractBridge:Kommo:AccessToken"] = Secrets.KommoToken;
        }

        if (Options.IroncladOAuth)
        {
            settings["ContractBridge:Ironclad:OAuth:ClientId"] = IroncladClientId;
            settings["ContractBridge:Ironclad:OAuth:ClientSecret"] = Secrets.IroncladClientSecret;
        }
        else
        {
            settings["ContractBridge:Ironclad:ApiKey"] = Secrets.IroncladApiKey;
        }

        foreach (var (key, value) in tuning.Extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The Kommo webhook URL of a bridge reachable at <paramref name="bridge"/> (its path ends with the secret).</summary>
    public Uri KommoWebhookUrl(Uri bridge) => new(bridge, "/webhooks/kommo/" + Uri.EscapeDataString(Secrets.KommoWebhookSecret));

    /// <summary>Registers the bridge's webhooks with both simulators through their APIs, as the bridge's registrar does.</summary>
    public async Task RegisterWebhooksAsync(Uri bridge, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var kommo = new HttpRequestMessage(HttpMethod.Post, new Uri(KommoApi + "/webhooks"))
        {
            Content = JsonContent.Create(new { destination = KommoWebhookUrl(bridge).ToString(), settings = WebhookRegistrar.KommoSettings, sort = 10 }),
        };
        kommo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secrets.KommoToken);
        (await http.SendAsync(kommo, cancellationToken)).EnsureSuccessStatusCode();

        using var ironclad = new HttpRequestMessage(HttpMethod.Post, new Uri(IroncladApi + "/webhooks"))
        {
            Content = JsonContent.Create(new { events = WebhookRegistrar.IroncladEvents, targetURL = new Uri(bridge, "/webhooks/ironclad").ToString() }),
        };
        ironclad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secrets.IroncladApiKey);
        (await http.SendAsync(ironclad, cancellationToken)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await Simulators.DisposeAsync();
}
