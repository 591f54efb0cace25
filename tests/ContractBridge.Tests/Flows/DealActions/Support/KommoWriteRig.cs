using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Upstream.Support;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Flows.DealActions.Support;

/// <summary>
/// The Kommo write handlers' world, over loopback HTTP: a Kommo simulator with the sales account, a client that speaks
/// to it through <see cref="BeforeWrites"/>, and jobs made the way the bridge makes them.
/// </summary>
internal sealed class KommoWriteRig : IAsyncDisposable
{
    private readonly HttpClient _http;
    private long _nextJobId = 100;

    private KommoWriteRig(KommoSimulator kommo)
    {
        Kommo = kommo;
        Account = SalesAccount.Seed(kommo);
        _http = UpstreamClients.KommoHttp(Wire, new Uri(kommo.BaseUrl, "/api/v4/"), kommo.Options.LongLivedToken);
        Client = new KommoClient(_http);
        Directory = new KommoDirectory(Client, TimeProvider.System);
    }

    public KommoSimulator Kommo { get; }

    public SalesAccount Account { get; }

    public BeforeWrites Wire { get; } = new();

    public KommoClient Client { get; }

    public KommoDirectory Directory { get; }

    public static IOptions<BridgeOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new BridgeOptions());

    public static async Task<KommoWriteRig> StartAsync()
    {
        var kommo = new KommoSimulator(new KommoSimulatorOptions(), TimeProvider.System);
        await kommo.StartAsync();
        return new KommoWriteRig(kommo);
    }

    /// <summary>A job of <paramref name="kind"/> for the deal, with a unique id, on its first try unless told otherwise.</summary>
    public Job Job<T>(string kind, long leadId, T request, int attempt = 1) =>
        new(Interlocked.Increment(ref _nextJobId), kind, JobKinds.LeadKey(leadId), JobPayloads.Write(request), attempt, DateTimeOffset.UtcNow, null);

    /// <summary>Calls the simulator counted for one endpoint, e.g. "POST /api/v4/leads/notes".</summary>
    public long Calls(string endpoint) => Kommo.Control.Calls.ByEndpoint.GetValueOrDefault(endpoint);

    /// <summary>The text of the note a move's job leaves as its follow-up.</summary>
    public static string FollowUpNote(JobResult result)
    {
        var followUp = Assert.Single(Assert.IsType<JobResult.Succeeded>(result).FollowUps);
        Assert.Equal(JobKinds.Note, followUp.Kind);
        return JobPayloads.Read<NoteRequest>(new Job(0, followUp.Kind, followUp.Key, followUp.Payload, 1, DateTimeOffset.UtcNow, null)).Text;
    }

    public async ValueTask DisposeAsync()
    {
        Directory.Dispose();
        _http.Dispose();
        await Kommo.DisposeAsync();
    }
}
