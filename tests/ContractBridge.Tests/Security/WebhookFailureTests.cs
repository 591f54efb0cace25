using System.Net;
using System.Text;
using ContractBridge.Chaos.World;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Storage;
using ContractBridge.Hosting;
using ContractBridge.Tests.Integration.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Tests.Security;

/// <summary>What the webhook endpoints answer, and log, when something behind them fails.</summary>
public sealed class WebhookFailureTests
{
    [Fact]
    public async Task IroncladWebhook_WhenTheVerificationKeyCannotBeFetched_Answers503WithAMessage_AndStoresNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Ironclad:ApiKey"] = "an-api-key-ironclad-refuses",
        });
        var before = await bridge.Store.CountEventsAsync(CancellationToken.None);
        using var content = new StringContent("{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"abc\"}}", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/ironclad", UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Ironclad-Webhook-Event-Id", "webhookEvent1");
        request.Headers.TryAddWithoutValidation("X-Ironclad-Webhook-Verification", "{\"nonce\":\"n\",\"signature\":\"" + Convert.ToBase64String(new byte[256]) + "\"}");

        using var response = await bridge.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("verification key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await bridge.Store.CountEventsAsync(CancellationToken.None));
    }

    /// <summary>
    /// The Kommo webhook URL ends with its secret, and ASP.NET Core puts the request path in a log scope around every entry
    /// written during a request: a structured sink (JSON console with scopes, OpenTelemetry) would keep it with any error.
    /// </summary>
    [Fact]
    public async Task KommoWebhook_WhenStoringFails_NoLogEntryOrScopeCarriesTheSecret()
    {
        await using var world = await ChaosWorld.StartAsync(new WorldOptions { Seed = 41 }, CancellationToken.None);
        var settings = world.BridgeSettings(new BridgeTuning { DataDirectory = Directory.CreateTempSubdirectory("cb-scope-").FullName, LogLevel = LogLevel.Trace });
        settings["urls"] = "http://127.0.0.1:0";
        var recorder = new RecordingLoggerProvider();
        await using var app = BridgeApp.Build([], settings, services =>
        {
            services.AddLogging(logging => logging.ClearProviders().AddProvider(recorder));
            services.Replace(ServiceDescriptor.Singleton<IEventStore>(sp => new FailingEventStore(sp.GetRequiredService<IBridgeStore>())));
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        using var content = new StringContent("leads[status][0][id]=1&leads[status][0][status_id]=2", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(new Uri("/webhooks/kommo/" + world.Secrets.KommoWebhookSecret, UriKind.Relative), content);
        await app.StopAsync();

        Assert.True((int)response.StatusCode >= 500, $"The failing store was answered {(int)response.StatusCode}.");
        Assert.Contains(recorder.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(recorder.Entries, e => e.Text.Contains(world.Secrets.KommoWebhookSecret, StringComparison.Ordinal));
    }

    /// <summary>A database that is down for writes.</summary>
    private sealed class FailingEventStore(IEventStore inner) : IEventStore
    {
        public Task<IReadOnlyList<IngestOutcome>> StoreEventsAsync(IReadOnlyList<InboundEvent> events, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The database is not answering.");

        public Task<IReadOnlyList<StoredEvent>> ListRecentEventsAsync(int limit, CancellationToken cancellationToken) => inner.ListRecentEventsAsync(limit, cancellationToken);

        public Task<long> CountEventsAsync(CancellationToken cancellationToken) => inner.CountEventsAsync(cancellationToken);
    }
}
