using System.Net;
using System.Text.Json;
using ContractBridge.Simulators.Tests.Kommo.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>Kommo's limits on a frozen fake clock: every call of a test falls into the same one-second window.</summary>
public sealed class KommoLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, 200, TimeSpan.Zero);

    [Fact]
    public async Task EighthCallInOneSecond_Answers429WithANonJsonBodyAndNoRetryAfter()
    {
        var time = new FakeTimeProvider(Start);
        await using var kommo = await KommoTestServer.StartAsync(new() { BlockAfterTooManyRequests = 1000 }, time);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var admitted = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
            statuses.Add(admitted.StatusCode);
        }

        using var refused = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        statuses.Add(refused.StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 7).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.False(refused.Headers.Contains("Retry-After"));
        Assert.NotEqual("application/json", refused.Content.Headers.ContentType?.MediaType);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.NotEmpty(body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(1, kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task NextSecond_TheIntegrationMayCallAgain()
    {
        var time = new FakeTimeProvider(Start);
        await using var kommo = await KommoTestServer.StartAsync(new() { BlockAfterTooManyRequests = 1000 }, time);
        for (var i = 0; i < 8; i++)
        {
            using var _ = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AccountLimit_IsSharedByEveryIntegrationOnTheAccount()
    {
        var time = new FakeTimeProvider(Start);
        await using var kommo = await KommoTestServer.StartAsync(new() { AccountRequestsPerSecond = 10, BlockAfterTooManyRequests = 1000 }, time);
        using var second = kommo.NewClient(kommo.Control.AddIntegration().Token);

        var first = await CountOkAsync(kommo.Api, 7);
        var other = await CountOkAsync(second, 7);

        Assert.Equal(7, first);
        Assert.Equal(3, other);
    }

    [Fact]
    public async Task SustainedAbuse_BlocksTheAccountWith403Html_UntilTheControlApiUnblocks()
    {
        var time = new FakeTimeProvider(Start);
        await using var kommo = await KommoTestServer.StartAsync(new() { BlockAfterTooManyRequests = 3 }, time);
        await CountOkAsync(kommo.Api, 10);

        using var blocked = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        time.Advance(TimeSpan.FromMinutes(5));
        using var stillBlocked = await kommo.Anonymous.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        kommo.Control.Unblock();
        using var after = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("text/html", blocked.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html", await blocked.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, stillBlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(3, kommo.Control.Calls.TooManyRequests);
        Assert.False(kommo.Control.Block.Blocked);
    }

    [Fact]
    public async Task Block_WithAConfiguredDuration_EndsByItselfOnTheScaledClock()
    {
        var time = new FakeTimeProvider(Start);
        await using var kommo = await KommoTestServer.StartAsync(
            new() { BlockAfterTooManyRequests = 1, BlockDuration = TimeSpan.FromHours(1), TimeScale = 60 }, time);
        await CountOkAsync(kommo.Api, 8);
        Assert.True(kommo.Control.Block.Blocked);

        time.Advance(TimeSpan.FromSeconds(59));
        using var during = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        time.Advance(TimeSpan.FromSeconds(1));
        using var after = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ControlApi_IsNeverLimited()
    {
        var time = new FakeTimeProvider(Start);
        await using var kommo = await KommoTestServer.StartAsync(new() { BlockAfterTooManyRequests = 1000 }, time);
        var control = kommo.ControlClient();

        for (var i = 0; i < 20; i++)
        {
            await control.GetStateAsync();
        }

        Assert.Equal(0, kommo.Control.Calls.Total);
    }

    private static async Task<int> CountOkAsync(HttpClient client, int calls)
    {
        var ok = 0;
        for (var i = 0; i < calls; i++)
        {
            using var response = await client.GetAsync(new Uri("api/v4/account", UriKind.Relative));
            ok += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        return ok;
    }
}
