using System.Globalization;
using System.Security.Cryptography;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;
using ContractBridge.Hosting;
using ContractBridge.Setup;
using ContractBridge.Simulators;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Kommo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ContractBridge.Demo;

/// <summary>
/// Everything the demo runs, on loopback in this process: the Kommo simulator with its sample account, the Ironclad
/// simulator with its sample templates, and the real service (the same <see cref="BridgeApp"/> `serve` runs) on SQLite in
/// a temporary directory with a generated admin token, started with neither service configured and then connected and
/// taken live at /setup (<see cref="DemoSetup"/>), as an admin does.
/// </summary>
public sealed class DemoEnvironment : IAsyncDisposable
{
    private DemoEnvironment(SimulatorHost simulators, WebApplication bridge, Uri url, string dataDirectory, string adminToken, IReadOnlyDictionary<string, string?> settings, DemoCast cast, IReadOnlyList<string> setup)
    {
        Setup = setup;
        Simulators = simulators;
        Bridge = bridge;
        Url = url;
        DataDirectory = dataDirectory;
        AdminToken = adminToken;
        Settings = settings;
        Cast = cast;
    }

    /// <summary>The rule of the Sales pipeline's "Send contract" stage (MSA).</summary>
    public const string SalesRule = "sales-msa";

    public SimulatorHost Simulators { get; }

    public KommoSimulator Kommo => Simulators.Kommo;

    public IroncladSimulator Ironclad => Simulators.Ironclad;

    public WebApplication Bridge { get; }

    public IBridgeStore Store => Bridge.Services.GetRequiredService<IBridgeStore>();

    public IContractLinkStore Contracts => Bridge.Services.GetRequiredService<IContractLinkStore>();

    public Uri Url { get; }

    public string DataDirectory { get; }

    public string AdminToken { get; }

    /// <summary>The bridge's configuration, for printing what a CLI needs to talk to this demo.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public DemoCast Cast { get; }

    /// <summary>How both services were connected at /setup, a line each.</summary>
    public IReadOnlyList<string> Setup { get; }

    public static async Task<DemoEnvironment> StartAsync(CancellationToken cancellationToken)
    {
        var options = new SimulatorHostOptions
        {
            Kommo = new KommoSimulatorOptions { SampleData = true },
            Ironclad = new IroncladSimulatorOptions { Users = [.. new IroncladSimulatorOptions().Users, DemoCast.FinanceApprover] },
        };
        var simulators = await SimulatorHost.StartAsync(options, cancellationToken);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "contractbridge-demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        try
        {
            var cast = DemoCast.From(simulators.Kommo);
            foreach (var field in DemoContractFields.All)
            {
                simulators.Kommo.Control.AddCustomField(field);
            }

            var adminToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var settings = Configuration(simulators, options, cast, dataDirectory, adminToken);
            var bridge = BridgeApp.Build([], settings);
            await bridge.StartAsync(cancellationToken);
            var address = bridge.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var url = new Uri(address);
            simulators.Kommo.Control.SetRedirectUri(new Uri(url, KommoOAuthConnect.CallbackPath));
            var setup = await DemoSetup.ConnectAsync(url, adminToken, simulators, options, cancellationToken);
            return new DemoEnvironment(simulators, bridge, url, dataDirectory, adminToken, settings, cast, setup);
        }
        catch
        {
            await simulators.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, string?> Configuration(SimulatorHost simulators, SimulatorHostOptions options, DemoCast cast, string dataDirectory, string adminToken)
    {
        static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
        // Neither service is configured (UnconnectedSettings: a shell that exports the README's KOMMO_*/IRONCLAD_* still
        // gets the demo): both are connected at /setup once the service listens (DemoSetup), with Kommo's consent page on
        // the simulator and its host accepted as the account Kommo's redirect names.
        return new Dictionary<string, string?>(DemoContractFields.Settings().Concat(UnconnectedSettings.Nulls))
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ContractBridge:DataDirectory"] = dataDirectory,
            ["ContractBridge:Postgres"] = string.Empty,
            ["ContractBridge:PublicUrl"] = null,
            ["ContractBridge:Kommo:AuthorizeUrl"] = new Uri(simulators.Kommo.BaseUrl, "/oauth").ToString(),
            ["ContractBridge:Kommo:AccountHosts:0"] = simulators.Kommo.BaseUrl.GetLeftPart(UriPartial.Authority),
            ["ContractBridge:Rules:0:Name"] = SalesRule,
            ["ContractBridge:Rules:0:PipelineId"] = Id(cast.Account.Sales.Id),
            ["ContractBridge:Rules:0:StageId"] = Id(cast.SalesSendContract),
            ["ContractBridge:Rules:0:Template"] = "MSA",
            ["ContractBridge:Rules:0:OnDealLost:Action"] = "Cancel",
            ["ContractBridge:Rules:1:Name"] = "renewals-sow",
            ["ContractBridge:Rules:1:PipelineId"] = Id(cast.Account.Renewals.Id),
            ["ContractBridge:Rules:1:StageId"] = Id(cast.RenewalsSendContract),
            ["ContractBridge:Rules:1:Template"] = "SOW",
            ["ContractBridge:Dashboard:AdminToken"] = adminToken,
            ["ContractBridge:Jobs:PollInterval"] = "00:00:00.250",
            ["ContractBridge:Metrics:RefreshInterval"] = "00:00:01",
            // The timeline tells the story; the engine's warnings (retries, dead letters) still show when something goes wrong.
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:ContractBridge.Engine"] = "Warning",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Bridge.StopAsync();
        await Bridge.DisposeAsync();
        await Simulators.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; it is in the temporary directory either way.
        }
    }
}
