using System.Globalization;
using System.Net;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Tests.Ironclad.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class RateLimitTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public async Task WorkflowWrites_At60TimesSpeed_The41stInOneSecondIs429_ThenTheNextSecondIsFree()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { TimeScale = 60 }, _time);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 41; i++)
        {
            using var response = await server.PostJsonAsync("workflows", server.MsaLaunchBody());
            statuses.Add(response.StatusCode);
        }

        using var limited = await server.PostJsonAsync("workflows", server.MsaLaunchBody());
        var body = await IroncladTestServer.ReadJsonAsync(limited);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var nextWindow = await server.PostJsonAsync("workflows", server.MsaLaunchBody());

        Assert.All(statuses.Take(40), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[40]);
        Assert.Equal("TOO_MANY_REQUESTS", body!["code"]!.GetValue<string>());
        Assert.False(limited.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, nextWindow.StatusCode);
        Assert.Equal(40, server.Simulator.Control.Workflows().Count(w => w.Created < _time.GetUtcNow()));
        Assert.Equal(2, server.Simulator.Control.Calls().TooManyRequests);
    }

    [Fact]
    public async Task ExhaustedWrites_DoNotLimitReadsOrOtherCalls()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { WorkflowWritesPerMinute = 1 }, _time);
        await server.LaunchAsync();

        using var write = await server.PostJsonAsync("workflows", server.MsaLaunchBody());
        using var read = await server.Http.GetAsync("workflows");
        using var schemas = await server.Http.GetAsync("workflow-schemas?form=launch");

        Assert.Equal(HttpStatusCode.TooManyRequests, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, schemas.StatusCode);
    }

    [Fact]
    public async Task WorkflowReads_HaveTheirOwnLimit()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { WorkflowReadsPerMinute = 2, OtherCallsPerMinute = 1 }, _time);

        var reads = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await server.Http.GetAsync("workflows");
            reads.Add(response.StatusCode);
        }

        using var other1 = await server.Http.GetAsync("webhooks");
        using var other2 = await server.Http.GetAsync("webhooks");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], reads);
        Assert.Equal(HttpStatusCode.OK, other1.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, other2.StatusCode);
    }

    [Fact]
    public async Task SignStatusCalls_HaveTheirOwnLimit_ApartFromWorkflowReadsAndWrites()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { SignStatusCallsPerMinute = 2 }, _time);
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();
        server.Simulator.Control.Advance(id);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await server.Http.GetAsync($"workflows/{id}/sign-status");
            statuses.Add(response.StatusCode);
        }

        using var remind = await server.Http.PostAsync($"workflows/{id}/sign-status/signers/Counterparty%20Signer/remind", null);
        using var read = await server.Http.GetAsync($"workflows/{id}");
        using var write = await server.PostJsonAsync("workflows", server.MsaLaunchBody());

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, remind.StatusCode);
        Assert.Empty(server.Simulator.Control.Workflow(id)!.Reminders);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
    }

    [Fact]
    public async Task RetryAfterOption_AddsSecondsUntilTheWindowEnds()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { WorkflowWritesPerMinute = 1, SendRetryAfter = true }, _time);
        await server.LaunchAsync();
        _time.Advance(TimeSpan.FromSeconds(45));

        using var limited = await server.PostJsonAsync("workflows", server.MsaLaunchBody());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("15", limited.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task ControlCalls_AreNeverLimitedOrCounted()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { OtherCallsPerMinute = 0, WorkflowReadsPerMinute = 0 }, _time);

        for (var i = 0; i < 5; i++)
        {
            using var response = await server.Root.GetAsync("_sim/state");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, server.Simulator.Control.Calls().Total);
    }
}
