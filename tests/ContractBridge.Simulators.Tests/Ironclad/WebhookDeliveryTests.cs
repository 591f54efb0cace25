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
    public void DefaultRetrySchedule_IsTenRetriesOverAbout13Point6Hours()
    {
        var delays = new IroncladSimulatorOptions().WebhookRetryDelays;

        Assert.Equal(10, delays.Count);
        Assert.InRange(delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d).TotalHours, 13.5, 13.7);
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
    public async Task A410Answer_DisablesTheWebhookAtOnce()
    {
        await using var server = await IroncladTestServer.StartAsync(FastRetries());
        var webhookId = await server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        _receiver.Respond = (_, _) => 410;

        await server.LaunchAsync();
        await _receiver.WaitForAsync(r => r.Count == 1);
        var disabled = await Eventually.UntilAsync(() => server.Simulator.Control.Webhooks().Single(), w => w.Status != "enabled", "the webhook to be disabled", describe: w => w.Status);
        await server.LaunchAsync();
        var apiView = await server.GetJsonAsync($"webhooks/{webhookId}");

        Assert.Equal("disabled", disabled.Status);
        Assert.Equal("system", disabled.StatusLastUpdatedBy);
        Assert.Single(server.Simulator.Control.WebhookAttempts());
        Assert.Empty(server.Simulator.Control.Workflows()[1].Events.Single(e => e.Event == "workflow_launched").WebhookIds);
        Assert.Equal("disabled", apiView!["status"]!.GetValue<string>());
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
