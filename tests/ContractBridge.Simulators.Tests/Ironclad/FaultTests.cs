using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class FaultTests : IAsyncLifetime
{
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { TimeScale = 100_000 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ServerErrors_AreIroncladShaped500s_AndCounted()
    {
        _server.Simulator.Control.SetFaults(new FaultProfile { ServerErrorRate = 1 });

        using var response = await _server.PostJsonAsync("workflows", _server.MsaLaunchBody());
        var body = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("SERVER_ERROR", body!["code"]!.GetValue<string>());
        Assert.Empty(_server.Simulator.Control.Workflows());
        Assert.Equal(1, _server.Simulator.Control.Calls().ServerErrors);
    }

    [Fact]
    public async Task ConnectionResets_FailTheCall_WithoutDoingIt()
    {
        _server.Simulator.Control.SetFaults(new FaultProfile { ConnectionResetRate = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => _server.PostJsonAsync("workflows", _server.MsaLaunchBody()));

        Assert.Empty(_server.Simulator.Control.Workflows());
        Assert.Equal(1, _server.Simulator.Control.Calls().ConnectionResets);
    }

    [Fact]
    public async Task LostResponse_CommitsTheLaunch_ButTheCallerSeesAFailure()
    {
        _server.Simulator.Control.SetFaults(new FaultProfile { LostResponseRate = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => _server.PostJsonAsync("workflows", _server.MsaLaunchBody(a => a["kommoLeadId"] = "777")));
        _server.Simulator.Control.ClearFaults();
        var found = await _server.GetJsonAsync($"workflows?filter={Uri.EscapeDataString("Equals([kommoLeadId], '777')")}");

        Assert.Single(_server.Simulator.Control.Workflows());
        Assert.Equal(1, found!["count"]!.GetValue<int>());
        Assert.Equal(1, _server.Simulator.Control.Calls().LostResponses);
    }

    [Fact]
    public async Task RateLimitStorm_Answers429ToEverything_UntilItEnds()
    {
        _server.Simulator.Control.SetFaults(new FaultProfile { RateLimitStormUntil = DateTimeOffset.UtcNow.AddMinutes(5) });

        using var storm = await _server.Http.GetAsync("workflow-schemas?form=launch");
        _server.Simulator.Control.SetFaults(new FaultProfile { RateLimitStormUntil = DateTimeOffset.UtcNow.AddMinutes(-1) });
        using var after = await _server.Http.GetAsync("workflow-schemas?form=launch");

        Assert.Equal(HttpStatusCode.TooManyRequests, storm.StatusCode);
        Assert.Equal("TOO_MANY_REQUESTS", (await IroncladTestServer.ReadJsonAsync(storm))!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Latency_DelaysEveryCall()
    {
        _server.Simulator.Control.SetFaults(new FaultProfile { Latency = TimeSpan.FromMilliseconds(300) });
        var watch = Stopwatch.StartNew();

        using var response = await _server.Http.GetAsync("workflows");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task DroppedWebhooks_AreRecordedButNeverSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_launched");
        _server.Simulator.Control.SetFaults(new FaultProfile { WebhookDropRate = 1 });

        await _server.LaunchAsync();
        await Eventually.UntilAsync(() => _server.Simulator.Control.PendingWebhooks, p => p == 0, "no webhook to be pending");

        Assert.Empty(receiver.Received);
        Assert.Equal("dropped (fault)", _server.Simulator.Control.WebhookAttempts().Single().Error);
    }

    [Fact]
    public async Task DuplicatedWebhooks_ArriveTwiceWithTheSameEventId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_launched");
        _server.Simulator.Control.SetFaults(new FaultProfile { WebhookDuplicateRate = 1 });

        await _server.LaunchAsync();
        var received = await receiver.WaitForAsync(r => r.Count == 2);

        Assert.Equal(received[0].Headers["X-Ironclad-Webhook-Event-Id"], received[1].Headers["X-Ironclad-Webhook-Event-Id"]);
        Assert.Equal(received[0].Body, received[1].Body);
    }

    [Fact]
    public async Task DelayedWebhooks_ArriveNoSoonerThanTheDelay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_launched");
        _server.Simulator.Control.SetFaults(new FaultProfile { WebhookDelay = TimeSpan.FromMilliseconds(400) });
        var watch = Stopwatch.StartNew();

        await _server.LaunchAsync();
        await receiver.WaitForAsync(r => r.Count == 1);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task ReorderedWebhooks_AreHeldBackWithinTheWindow_AndAllArrive()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "*");
        _server.Simulator.Control.SetFaults(new FaultProfile { WebhookReorderRate = 1, WebhookReorderWindow = TimeSpan.FromMilliseconds(300) });

        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        _server.Simulator.Control.Advance(id);
        var received = await receiver.WaitForAsync(r => r.Count == 5);

        Assert.Equal(
            _server.Simulator.Control.Workflow(id)!.Events.Select(e => e.Event).Order(),
            received.Select(r => r.Event!).Order());
    }

    [Fact]
    public async Task InvalidFaultProfile_OverHttp_Is400WithAMessage()
    {
        using var response = await _server.Root.PutAsync("_sim/faults", new StringContent("{\"serverErrorRate\":2}", Encoding.UTF8, "application/json"));
        var body = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ServerErrorRate", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaultProfile_OverHttp_IsAppliedAndReadBack()
    {
        using var response = await _server.Root.PutAsync("_sim/faults", new StringContent("{\"serverErrorRate\":0.25,\"latency\":\"00:00:00.050\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0.25, _server.Simulator.Control.Faults.ServerErrorRate);
        Assert.Equal(TimeSpan.FromMilliseconds(50), _server.Simulator.Control.Faults.Latency);
        Assert.Equal(0.25.ToString(CultureInfo.InvariantCulture), (await IroncladTestServer.ReadJsonAsync(response))!["serverErrorRate"]!.ToJsonString());
    }
}
