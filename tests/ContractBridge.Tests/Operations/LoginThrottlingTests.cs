using System.Net;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Operations;

/// <summary>What a client guessing the admin token is answered, at the login form and as a bearer token.</summary>
public sealed class LoginThrottlingTests
{
    private const string WrongToken = "test-admin-token-0123456780";

    [Fact]
    public async Task AfterFiveWrongTokens_TheLoginIs429WithRetryAfter_TheRightTokenIncluded_UntilTheWaitIsOver()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bridge = await StartAsync(time);
        using var client = new DashboardClient(bridge);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.LoginAsync(WrongToken);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var throttled = await client.LoginAsync(DashboardClient.AdminToken);
        time.Advance(TimeSpan.FromSeconds(30));
        using var afterTheWait = await client.LoginAsync(DashboardClient.AdminToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.Headers.RetryAfter?.Delta);
        var page = await throttled.Content.ReadAsStringAsync();
        Assert.Contains("Too many wrong admin tokens from your address: wait 30 seconds before trying again.", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/login\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterTheWait.StatusCode);
        Assert.NotNull(client.SetCookieHeader);
    }

    [Fact]
    public async Task WrongBearerTokens_AreThrottledLikeTheForm_SoTheyAreNoWayAroundIt()
    {
        await using var bridge = await StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var client = new DashboardClient(bridge);

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.LoginAsync(WrongToken);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var fourth = await client.GetAsync("/jobs", bearer: WrongToken);
        using var fifth = await client.GetAsync("/", bearer: WrongToken);
        using var sixth = await client.GetAsync("/", bearer: DashboardClient.AdminToken);
        using var form = await client.GetAsync("/login", bearer: DashboardClient.AdminToken);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (fourth.StatusCode, fifth.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), sixth.Headers.RetryAfter?.Delta);
        Assert.Contains("wait 30 seconds", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
    }

    [Fact]
    public async Task TheOverallLimit_IsASetting_AndSlowsEveryClient()
    {
        await using var bridge = await StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:LoginFailuresPerClient"] = "100",
            ["ContractBridge:Dashboard:LoginFailuresOverall"] = "2",
        });
        using var client = new DashboardClient(bridge);

        using var first = await client.LoginAsync(WrongToken);
        using var second = await client.LoginAsync(WrongToken);
        using var third = await client.LoginAsync(DashboardClient.AdminToken);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), third.Headers.RetryAfter?.Delta);
        Assert.Contains("from all clients in the last minute: wait 60 seconds", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<BridgeHarness> StartAsync(FakeTimeProvider time, Dictionary<string, string?>? settings = null) =>
        BridgeHarness.StartAsync(
            configuration: _ => new Dictionary<string, string?>(DashboardClient.Configuration.Concat(settings ?? [])),
            registerWebhooks: false,
            services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
}
