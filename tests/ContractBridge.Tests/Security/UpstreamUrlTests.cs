using System.Net;
using System.Text.RegularExpressions;
using ContractBridge.Chaos.Checks;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.World;
using ContractBridge.Hosting;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Upstream;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Security;

/// <summary>
/// Upstream URLs come only from configuration: a document download URL Ironclad answers with is followed only on the
/// configured Ironclad host, and Kommo's drive only on the account's own domain, so a hostile or compromised answer
/// cannot send the bridge (and its credentials) elsewhere.
/// </summary>
public sealed partial class UpstreamUrlTests
{
    private const string Configured = "https://na1.ironcladapp.com/public/api/v1/";

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("http://na1.ironcladapp.com/public/api/v1/workflows/1/document/k/download")]
    [InlineData("https://na1.ironcladapp.com:8443/public/api/v1/workflows/1/document/k/download")]
    [InlineData("https://na1.ironcladapp.com@evil.example/steal")]
    [InlineData("https://evil.example\\@na1.ironcladapp.com/steal")]
    [InlineData("https://na1.ironcladapp.com.evil.example/steal")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://na1.ironcladapp.com/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("\\\\evil.example\\share\\doc.pdf")]
    [InlineData("https:evil.example/steal")]
    [InlineData("http://127.0.0.1:9/steal")]
    [InlineData("http://[::1]/steal")]
    public async Task DownloadUrl_OffTheConfiguredHost_IsNeverRequested(string download)
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri(Configured) };
        var client = new IroncladClient(http, new LegacyTokenAuth("the-api-key"));

        var refused = await Record.ExceptionAsync(() => client.DownloadAsync(download, CancellationToken.None));

        Assert.All(recorder.Requests, r => Assert.Equal("na1.ironcladapp.com", r.Authority));
        if (recorder.Requests.Count == 0)
        {
            var upstream = Assert.IsType<UpstreamException>(refused);
            Assert.False(upstream.IsTransient);
            Assert.Contains("not on the configured Ironclad host", upstream.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DownloadPath_OnTheConfiguredHost_IsFollowed()
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri(Configured) };
        var client = new IroncladClient(http, new LegacyTokenAuth("the-api-key"));

        var (content, _) = await client.DownloadAsync("/public/api/v1/workflows/1/document/k/download", CancellationToken.None);

        Assert.Equal("https://na1.ironcladapp.com/public/api/v1/workflows/1/document/k/download", Assert.Single(recorder.Requests).AbsoluteUri);
        Assert.NotEmpty(content);
    }

    /// <summary>
    /// The whole flow against a hostile Ironclad (a proxy in front of the simulator that points every document's download
    /// at another server): the deal still closes, says the PDF could not be attached, and the other server hears nothing.
    /// </summary>
    [Fact]
    public async Task HostileDocumentUrl_FromIronclad_IsRefused_TheDealClosesAnyway_AndNothingReachesTheOtherHost()
    {
        await using var world = await ChaosWorld.StartAsync(new WorldOptions { Seed = 51 }, CancellationToken.None);
        var stolen = 0;
        await using var elsewhere = await ReverseProxy.StartAsync([new Uri("http://127.0.0.1:9/")], new ProxyRules(Answer: _ =>
        {
            Interlocked.Increment(ref stolen);
            return new LocalAnswer(200, "application/pdf", "%PDF-1.4 not the contract");
        }));
        await using var hostileIronclad = await ReverseProxy.StartAsync([world.Ironclad.BaseUrl], new ProxyRules(RewriteBody: (request, body) =>
            request.Path.Value!.EndsWith("/documents", StringComparison.Ordinal)
                ? DownloadField().Replace(body, $"\"download\":\"{new Uri(elsewhere.Url, "/steal")}\"")
                : body));
        await using var app = await StartBridgeAsync(world, "ContractBridge:Ironclad:BaseUrl", new Uri(hostileIronclad.Url, "/public/api/v1"));

        var (lead, note) = await ExecuteAContractAsync(world);

        Assert.Contains("refused", note.Text, StringComparison.Ordinal);
        Assert.Equal(KommoStatuses.ClosedWon, world.Kommo.Control.GetLead(lead)!.StatusId);
        Assert.Empty(world.Kommo.Control.GetLead(lead)!.Attachments);
        Assert.Equal(0, Volatile.Read(ref stolen));
    }

    /// <summary>
    /// Kommo answers where its drive is (GET /account?with=drive_url) and the bridge uploads the signed PDF there with
    /// its Kommo token: a drive elsewhere than the account's domain must not get the upload, nor the token.
    /// </summary>
    [Fact]
    public async Task HostileDriveUrl_FromKommo_IsRefused_AndTheTokenNeverLeaves()
    {
        await using var world = await ChaosWorld.StartAsync(new WorldOptions { Seed = 52 }, CancellationToken.None);
        var heard = new List<string>();
        await using var elsewhere = await ReverseProxy.StartAsync([new Uri("http://127.0.0.1:9/")], new ProxyRules(Answer: request =>
        {
            lock (heard)
            {
                heard.Add($"{request.Method} {request.Path} {request.Headers.Authorization}");
            }

            return new LocalAnswer(200, "application/json", "{\"upload_url\":\"http://127.0.0.1:9/x\",\"max_part_size\":524288}");
        }));
        var elsewhereDrive = $"http://localhost:{elsewhere.Url.Port}/drive";
        await using var hostileKommo = await ReverseProxy.StartAsync([world.Kommo.BaseUrl], new ProxyRules(RewriteBody: (request, body) =>
            request.Path.Value == "/api/v4/account" ? DriveField().Replace(body, $"\"drive_url\":\"{elsewhereDrive}\"") : body));
        await using var app = await StartBridgeAsync(world, "ContractBridge:Kommo:BaseUrl", new Uri(hostileKommo.Url, "/api/v4"));

        var (lead, _) = await ExecuteAContractAsync(world);

        Assert.Equal(KommoStatuses.ClosedWon, world.Kommo.Control.GetLead(lead)!.StatusId);
        Assert.True(heard.Count == 0, "The drive elsewhere was called: " + string.Join("; ", heard));
    }

    /// <summary>The bridge in this process against the world, with one upstream root pointed at <paramref name="root"/>.</summary>
    private static async Task<WebApplication> StartBridgeAsync(ChaosWorld world, string rootSetting, Uri root)
    {
        var settings = world.BridgeSettings(new BridgeTuning
        {
            DataDirectory = Directory.CreateTempSubdirectory("cb-upstream-url-").FullName,
            Extra = new Dictionary<string, string?> { [rootSetting] = root.ToString() },
        });
        settings["urls"] = "http://127.0.0.1:0";
        var app = BridgeApp.Build([], settings);
        await app.StartAsync();
        await world.RegisterWebhooksAsync(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), CancellationToken.None);
        return app;
    }

    /// <summary>A new deal's contract launched and executed; returns the deal and the note saying its PDF could not be attached.</summary>
    private static async Task<(long Lead, NoteView Note)> ExecuteAContractAsync(ChaosWorld world)
    {
        var lead = world.AddDeals(1)[0];
        world.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = world.SendContract });
        var workflow = await Eventually.GetAsync(() => world.Ironclad.Control.Workflows().FirstOrDefault(), "the launch");
        world.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        var note = await Eventually.GetAsync(
            () => world.Kommo.Control.GetLead(lead)!.Notes.FirstOrDefault(n => NoteKinds.Of(n) == NoteKind.DocumentFallback),
            "the note saying the PDF could not be attached",
            TimeSpan.FromSeconds(60));
        return (lead, note);
    }

    [GeneratedRegex("\"download\":\"[^\"]*\"")]
    private static partial Regex DownloadField();

    [GeneratedRegex("\"drive_url\":\"[^\"]*\"")]
    private static partial Regex DriveField();

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("%PDF-1.4"u8.ToArray()) });
        }
    }
}
