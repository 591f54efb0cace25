using System.Net;
using ContractBridge.Configuration;
using ContractBridge.Tests.Security;
using ContractBridge.Web.Dashboard;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Operations;

/// <summary>How wrong admin tokens slow down the client that sends them, and everyone once there are too many.</summary>
public sealed class LoginThrottleTests : IDisposable
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;

    public LoginThrottleTests() => _loggers = LoggerFactory.Create(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    [Fact]
    public void FifthFailure_MakesTheClientWait30Seconds_DoublingWithEachFurtherFailure()
    {
        var throttle = Throttle();

        Fail(throttle, Client, times: 5);
        var first = throttle.TryAttempt(Client);
        _time.Advance(TimeSpan.FromSeconds(30));
        Fail(throttle, Client, times: 1);
        var second = throttle.TryAttempt(Client);
        _time.Advance(TimeSpan.FromMinutes(1));
        Fail(throttle, Client, times: 1);
        var third = throttle.TryAttempt(Client);

        Assert.Equal((30, false), (first!.RetryAfterSeconds, first.Everyone));
        Assert.Equal(60, second!.RetryAfterSeconds);
        Assert.Equal(120, third!.RetryAfterSeconds);
        Assert.Equal("Too many wrong admin tokens from your address: wait 30 seconds before trying again.", first.Message);
    }

    [Fact]
    public void Waits_StopGrowingAt15Minutes()
    {
        var throttle = Throttle();
        Fail(throttle, Client, times: 5);

        for (var i = 0; i < 8; i++)
        {
            _time.Advance(throttle.TryAttempt(Client)!.RetryAfter);
            Fail(throttle, Client, times: 1);
        }

        Assert.Equal(LoginThrottle.LongestWait, throttle.TryAttempt(Client)!.RetryAfter);
    }

    [Fact]
    public void OtherClients_AreNotSlowedByOnesFailures()
    {
        var throttle = Throttle();

        Fail(throttle, Client, times: 5);

        Assert.NotNull(throttle.TryAttempt(Client));
        Assert.Null(throttle.TryAttempt(IPAddress.Parse("198.51.100.1")));
    }

    [Fact]
    public void ASuccessfulLogin_ForgetsTheClientsFailures()
    {
        var throttle = Throttle();
        Fail(throttle, Client, times: 4);

        Assert.Null(throttle.TryAttempt(Client));
        throttle.Succeeded(Client);
        Fail(throttle, Client, times: 4);

        Assert.Null(throttle.TryAttempt(Client));
    }

    [Fact]
    public void Failures_AreForgotten15MinutesAfterTheLastOne()
    {
        var throttle = Throttle();
        Fail(throttle, Client, times: 4);

        _time.Advance(LoginThrottle.ClientWindow + TimeSpan.FromSeconds(1));
        Fail(throttle, Client, times: 4);

        Assert.Null(throttle.TryAttempt(Client));
    }

    [Fact]
    public void AttemptsNotYetAnswered_CountAsFailures_SoConcurrentGuessesCannotSlipIn()
    {
        var throttle = Throttle();

        var allowed = Enumerable.Range(0, 20).Count(_ => throttle.TryAttempt(Client) is null);

        Assert.Equal(5, allowed);
    }

    [Fact]
    public void TheOverallLimit_MakesEveryClientWait_UntilTheMinuteHasPassed_TheRightTokenIncluded()
    {
        var throttle = Throttle(perClient: 100, overall: 3);
        foreach (var address in new[] { "192.0.2.1", "192.0.2.2", "192.0.2.3" })
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            Fail(throttle, IPAddress.Parse(address), times: 1);
        }

        var refused = throttle.TryAttempt(IPAddress.Parse("192.0.2.4"));
        _time.Advance(TimeSpan.FromSeconds(40));
        var afterTheFirstLeft = throttle.TryAttempt(IPAddress.Parse("192.0.2.4"));

        Assert.Equal((40, true), (refused!.RetryAfterSeconds, refused.Everyone));
        Assert.StartsWith("Too many wrong admin tokens from all clients in the last minute: wait 40 seconds", refused.Message, StringComparison.Ordinal);
        Assert.Null(afterTheFirstLeft);
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7", true)]
    public void OneIPv6Slash64_IsOneClient_AndIPv4MappedAddressesAreTheirIPv4(string one, string other, bool same)
    {
        Assert.Equal(same, LoginThrottle.ClientKey(IPAddress.Parse(one)) == LoginThrottle.ClientKey(IPAddress.Parse(other)));
    }

    [Fact]
    public void AClientStartingToWait_IsLoggedOnce_NotForEachRefusal()
    {
        var throttle = Throttle();

        Fail(throttle, Client, times: 5);
        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(throttle.TryAttempt(Client));
        }

        var entry = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("5 wrong admin tokens from 203.0.113.7", entry.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _loggers.Dispose();

    private static void Fail(LoginThrottle throttle, IPAddress client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Null(throttle.TryAttempt(client));
            throttle.Failed(client);
        }
    }

    private LoginThrottle Throttle(int perClient = 5, int overall = 30) => new(
        Options.Create(new BridgeOptions { Dashboard = new DashboardOptions { LoginFailuresPerClient = perClient, LoginFailuresOverall = overall } }),
        _time,
        _loggers.CreateLogger<LoginThrottle>());
}
