using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public void DefaultRetrySchedule_IsTwelveTriesOverAboutThreeDays_60sTimes2ToTheN()
    {
        var delays = new IroncladSimulatorOptions().WebhookRetryDelays;

        Assert.Equal(11, delays.Count);
        Assert.Equal(Enumerable.Range(1, 11).Select(n => TimeSpan.FromSeconds(60 << n)), delays);
        Assert.InRange(delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d).TotalDays, 2.8, 2.9);
    }

    [Fact]
    public async Task AFailingReceiver_IsTriedTwelveTimes_OnTheScaledSchedule_ThenTheFailureIsCounted()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { TimeScale = 1_000_000, Faults = FaultProfile.None });
        var webhookId = await server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        _receiver.Respond = (_, _) => 500;

        await server.LaunchAsync();
        var webhook = await Eventually.UntilAsync(() => server.Simulator.Control.Webhooks().Single(), w => w.ConsecutiveFailureCount == 1, "the delivery to give up", describe: w => $"{w.ConsecutiveFailureCount} failures");
        var attempts = server.Simulator.Control.WebhookAttempts();
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b.At - a.At).ToList();

        Assert.Equal(Enumerable.Range(1, 12), attempts.Select(a => a.Attempt));
        Assert.All(attempts, a => Assert.Equal(500, a.StatusCode));
        // Timers resolve to whole milliseconds, so a scaled wait of 120-960 µs may end early by up to one; and each
        // attempt's time is taken as it is recorded, after its answer, so a previous attempt recorded late on a busy
        // host shortens the next gap by as much (a clean-clone CI run saw 30.72 ms measured as 29.6). Hence 3 ms: the
        // early retries are checked to that precision, the later ones (up to 123 ms) closely.
        Assert.All(gaps.Zip(server.Options.WebhookRetryDelays), pair => Assert.True(
            pair.First >= TimeSpan.FromTicks(pair.Second.Ticks / 1_000_000) - TimeSpan.FromMilliseconds(3), $"retry after {pair.First}, scheduled {pair.Second} / 1e6"));
        Assert.True(
            attempts[^1].At - attempts[0].At >= TimeSpan.FromTicks(server.Options.WebhookRetryDelays.Sum(d => d.Ticks) / 1_000_000) - TimeSpan.FromMilliseconds(11),
            "the twelve tries together take the scheduled ~3 days / 1e6");
        Assert.Equal(webhookId, webhook.Id);
        Assert.Equal("enabled", webhook.Status);
    }

    [Fact]
    public async Task Non2xxAnswers_AreRetried_UntilDelivered_ThenTheFailureCountResets()
    {
        await using var server = await IroncladTestServer.StartAsync(FastRetries());
        var webhookId = await server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        _receiver.Respond = (_, n) => n <= 2 ? 500 : 200;

        await server.LaunchAsync();
        var received = await _receiver.WaitForAsync(r => r.Count == 3);
        await Eventually.UntilAsync(() => server.Simulator.Control.PendingWebhooks, p => p == 0, "no webhook to be pending");

        Assert.Single(received.Select(r => r.Headers["X-Ironclad-Webhook-Event-Id"]).Distinct());
        Assert.Equal([500, 500, 200], server.Simulator.Control.WebhookAttempts().Select(a => a.StatusCode ?? 0));
        Assert.Equal(0, server.Simulator.Control.Webhooks().Single(w => w.Id == webhookId).ConsecutiveFailureCount);
    }

    [Fact]
    public async Task A410Answer_DeletesTheRegistrationAtOnce()
    {
        await using var server = await IroncladTestServer.StartAsync(FastRetries());
        var webhookId = await server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        _receiver.Respond = (_, _) => 410;

        await server.LaunchAsync();
        await _receiver.WaitForAsync(r => r.Count == 1);
        await Eventually.UntilAsync(() => server.Simulator.Control.Webhooks(), w => w.Count == 0, "the registration to be deleted", describe: w => string.Join(", ", w.Select(x => x.Status)));
        await server.LaunchAsync();
        using var afterwards = await server.Http.GetAsync($"webhooks/{webhookId}");
        var list = await server.GetJsonAsync("webhooks");

        Assert.Single(server.Simulator.Control.WebhookAttempts());
        Assert.Empty(server.Simulator.Control.Workflows()[1].Events.Single(e => e.Event == "workflow_launched").WebhookIds);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
        Assert.Empty(list!["list"]!.AsArray());
    }

    [Fact]
    public async Task ARegistrationDeletedWhileADeliveryWaits_GetsNoMoreRetries()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { Faults = FaultProfile.None, WebhookRetryDelays = [TimeSpan.FromSeconds(1)] });
        var webhookId = await server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        _receiver.Respond = (_, _) => 500;

        await server.LaunchAsync();
        await _receiver.WaitForAsync(r => r.Count == 1);
        using var deleted = await server.Http.DeleteAsync($"webhooks/{webhookId}");
        await Eventually.UntilAsync(() => server.Simulator.Control.PendingWebhooks, p => p == 0, "no webhook to be pending");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task ConsecutiveFailures_AreCounted_AndEnoughOfThemDisableBySystem()
    {
        var options = new IroncladSimulatorOptions
        {
            WebhookRetryDelays = [],
            WebhookFailuresBeforeDisable = 3,
            WebhookFailurePeriodBeforeDisable = TimeSpan.Zero,
        };
        await using var server = await IroncladTestServer.StartAsync(options);
        await server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        _receiver.Respond = (_, _) => 503;

        var counts = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            await server.LaunchAsync();
            counts.Add((await Eventually.UntilAsync(() => server.Simulator.Control.Webhooks().Single(), w => w.ConsecutiveFailureCount == i, $"failure {i} to be counted", describe: w => $"{w.ConsecutiveFailureCount} failures")).ConsecutiveFailureCount);
        }

        var webhook = server.Simulator.Control.Webhooks().Single();
        Assert.Equal([1, 2, 3], counts);
        Assert.Equal("disabledBySystem", webhook.Status);
        Assert.NotNull(webhook.FirstConsecutiveFailure);
    }

    [Fact]
    public async Task DisabledRegistration_GetsNothing_AndPatchReenablesIt()
    {
        await using var server = await IroncladTestServer.StartAsync(FastRetries());
        using var created = await server.Http.PostAsJsonAsync("webhooks", new { events = new[] { "workflow_launched" }, targetURL = _receiver.Url.ToString(), status = "disabled" });
        var id = (await IroncladTestServer.ReadJsonAsync(created))!["id"]!.GetValue<string>();

        await server.LaunchAsync();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"webhooks/{id}") { Content = JsonContent.Create(new { status = "enabled" }) };
        using var patched = await server.Http.SendAsync(patch);
        await server.LaunchAsync();
        await _receiver.WaitForAsync(r => r.Count == 1);
        await Eventually.UntilAsync(() => server.Simulator.Control.PendingWebhooks, p => p == 0, "no webhook to be pending");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task DeletedWebhook_IsGone()
    {
        await using var server = await IroncladTestServer.StartAsync();
        var id = await server.RegisterWebhookAsync(_receiver.Url, "*");

        using var deleted = await server.Http.DeleteAsync($"webhooks/{id}");
        using var afterwards = await server.Http.GetAsync($"webhooks/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Theory]
    [InlineData("{\"events\":[\"workflow_exploded\"],\"targetURL\":\"https://x.example/h\"}", "INVALID_PARAM", "events")]
    [InlineData("{\"events\":[],\"targetURL\":\"https://x.example/h\"}", "INVALID_PARAM", "events")]
    [InlineData("{\"targetURL\":\"https://x.example/h\"}", "MISSING_PARAM", "events")]
    [InlineData("{\"events\":[\"*\"]}", "MISSING_PARAM", "targetURL")]
    [InlineData("{\"events\":[\"*\"],\"targetURL\":\"not a url\"}", "INVALID_PARAM", "targetURL")]
    [InlineData("{\"events\":[\"*\"],\"targetURL\":\"https://x.example/h\",\"status\":\"on\"}", "INVALID_PARAM", "status")]
    public async Task InvalidRegistration_IsRejectedNamingTheParam(string body, string code, string param)
    {
        await using var server = await IroncladTestServer.StartAsync();

        using var response = await server.PostJsonAsync("webhooks", JsonNode.Parse(body)!);
        var error = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, error!["code"]!.GetValue<string>());
        Assert.Equal(param, error["param"]!.GetValue<string>());
    }

    /// <summary>Retries a few milliseconds apart: the real schedule divided by a large time scale.</summary>
    private static IroncladSimulatorOptions FastRetries() => new() { TimeScale = 100_000, Faults = FaultProfile.None };
}
