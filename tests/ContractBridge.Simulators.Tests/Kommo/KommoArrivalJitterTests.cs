using System.Net;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

public sealed class KommoArrivalJitterTests
{
    private static readonly TimeSpan Jitter = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ArrivalJitter_DelaysACall_BeforeItIsCounted_ByASeededDraw()
    {
        var first = await DelayOfOneCallAsync(seed: 3);
        var again = await DelayOfOneCallAsync(seed: 3);
        var other = await DelayOfOneCallAsync(seed: 4);

        Assert.InRange(first, TimeSpan.FromTicks(1), Jitter);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task ArrivalJitter_IsSetOverHttp_InSnakeCase()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        using var content = new StringContent("""{"arrival_jitter":"00:00:00.100"}""", System.Text.Encoding.UTF8, "application/json");

        using var put = await kommo.Anonymous.PutAsync(new Uri("_sim/faults", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(100), kommo.Control.Faults.ArrivalJitter);
    }

    [Fact]
    public void ArrivalJitter_OutOfRange_IsRefused()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new FaultProfile { ArrivalJitter = TimeSpan.FromMilliseconds(-1) }.Validate());

        Assert.Equal(nameof(FaultProfile.ArrivalJitter), refused.ParamName);
    }

    /// <summary>One call with jitter on: the call waits on the clock uncounted, and is counted (and answered) once it passes.</summary>
    private static async Task<TimeSpan> DelayOfOneCallAsync(int seed)
    {
        using var time = new TimerWatchingTimeProvider();
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { Seed = seed }, time);
        kommo.Control.SetFaults(new FaultProfile { ArrivalJitter = Jitter });

        var call = kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        var delay = await time.NextTimerAsync();
        var countedWhileInFlight = kommo.Control.Calls.Total;
        time.Fake.Advance(delay);
        using var response = await call;

        Assert.Equal(0, countedWhileInFlight);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, kommo.Control.Calls.Total);
        return delay;
    }
}
