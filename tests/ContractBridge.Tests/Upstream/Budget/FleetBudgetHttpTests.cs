using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using ContractBridge.Configuration;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Tests.Upstream.Budget.Support;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Budget;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ContractBridge.Tests.Upstream.Budget;

/// <summary>
/// Three instances of the bridge's upstream limiting (each its own PostgreSQL store, limiter and HTTP client: what a
/// fleet of processes holds) against the Kommo simulator over real HTTP, with the simulator's arrival jitter on. They
/// run beside no other test: the server counts arrivals on the real clock, and a suite's worth of neighbours on two
/// cores delays a call between its permit and its count by more than any margin worth having (one 429 in a full run).
/// </summary>
[Collection(RealClockLimitsCollection.Name)]
public sealed class FleetBudgetHttpTests(PostgresBudgetDatabases databases, ITestOutputHelper output) : IClassFixture<PostgresBudgetDatabases>
{
    private const double Scale = 1;
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(30);

    /// <summary>Kommo's published limit on the simulator's clock, with a margin that outlasts its jitter.</summary>
    private static readonly RateLimitOptions Limit = new()
    {
        Permits = 7,
        Window = TimeSpan.FromSeconds(1 / Scale),
        ArrivalMargin = Jitter + TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task ThreeInstances_BurstingAsFastAsTheyCan_WithArrivalJitter_GetNo429_AndStayWithinTheLimit()
    {
        await using var kommo = await StartKommoAsync(new FaultProfile { ArrivalJitter = Jitter });
        await using var database = await databases.NewDatabaseAsync();
        var instances = new List<(FleetRateLimiter Limiter, HttpClient Http)>();
        for (var i = 0; i < 3; i++)
        {
            instances.Add(await InstanceAsync(database, kommo, TimeProvider.System));
        }

        // Each instance's connection opened first, on a control path the server neither counts nor limits: a cold
        // connection (and the server's first request) delays a call's arrival by far more than the margin, and a
        // running fleet's connections are warm.
        foreach (var instance in instances)
        {
            using var warm = await instance.Http.GetAsync(new Uri("_sim/calls", UriKind.Relative));
        }

        const int callsEach = 8;
        var watch = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(instances.SelectMany(instance => Enumerable.Range(0, callsEach).Select(async _ =>
        {
            using var response = await instance.Http.GetAsync(new Uri("api/v4/account", UriKind.Relative));
            return response.StatusCode;
        })));
        watch.Stop();

        // The cost is printed, not asserted: a saturating burst from three instances is the worst case (every instance
        // asks again each time a slice ages out, and most of those asks are refused), see the report in the README.
        var calls = instances.Sum(i => i.Limiter.Granted);
        var roundTrips = instances.Sum(i => i.Limiter.StoreRoundTrips);
        output.WriteLine($"{calls} calls in {watch.Elapsed.TotalMilliseconds:0} ms, {roundTrips} store round trips ({(double)roundTrips / calls:0.00} per call)");
        Assert.Equal(0, kommo.Control.Calls.TooManyRequests);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        // The server's count is the proof; this says the same from the client's side: at most 7 per window.
        var windows = Math.Ceiling(statuses.Length / (double)Limit.Permits) - 1;
        Assert.True(watch.Elapsed >= windows * Limit.Window, $"{statuses.Length} calls in {watch.Elapsed} is faster than {Limit}");
        foreach (var (limiter, http) in instances)
        {
            limiter.Dispose();
            http.Dispose();
        }
    }

    [Fact]
    public async Task A429FromTheSimulator_HoldsTheBucketForEveryInstance_ForTheWindow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var kommo = await StartKommoAsync(new FaultProfile { RateLimitStormUntil = DateTimeOffset.UtcNow.AddMinutes(5) });
        await using var database = await databases.NewDatabaseAsync();
        var (limiter, http) = await InstanceAsync(database, kommo, time);
        var (otherLimiter, otherHttp) = await InstanceAsync(database, kommo, time);

        using (var refused = await http.GetAsync(new Uri("api/v4/account", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        kommo.Control.SetFaults(FaultProfile.None);
        var retry = http.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        var elsewhere = otherHttp.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        await Eventually.TrueAsync(() => otherLimiter.StoreRoundTrips >= 1, "the other instance to ask the store", TimeSpan.FromSeconds(10));
        time.Advance(Limit.Window - TimeSpan.FromMilliseconds(1));

        Assert.False(retry.IsCompleted);
        Assert.False(elsewhere.IsCompleted);
        Assert.Equal(1, kommo.Control.Calls.Total);
        time.Advance(TimeSpan.FromMilliseconds(1));
        using var retried = await retry;
        using var granted = await elsewhere;
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (retried.StatusCode, granted.StatusCode));
        Assert.Equal(1, kommo.Control.Calls.TooManyRequests);
        limiter.Dispose();
        otherLimiter.Dispose();
        http.Dispose();
        otherHttp.Dispose();
    }

    private static async Task<KommoSimulator> StartKommoAsync(FaultProfile faults)
    {
        var kommo = new KommoSimulator(new KommoSimulatorOptions { TimeScale = Scale, Faults = faults, Seed = 11 }, TimeProvider.System);
        await kommo.StartAsync();
        return kommo;
    }

    private static async Task<(FleetRateLimiter Limiter, HttpClient Http)> InstanceAsync(BudgetDatabase database, KommoSimulator kommo, TimeProvider time)
    {
        var (_, budgets) = await database.OpenAsync();
        var limiter = new FleetRateLimiter(ContractBridge.Hosting.UpstreamLimiters.KommoBucket, BudgetShape.For(Limit), budgets, time);
#pragma warning disable CA2000 // The client owns and disposes its handler chain.
        var http = new HttpClient(new RateLimitingHandler(_ => limiter) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = kommo.BaseUrl };
#pragma warning restore CA2000
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", kommo.Options.LongLivedToken);
        return (limiter, http);
    }
}
