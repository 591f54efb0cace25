using System.Net;
using System.Text;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Tests.Ironclad.Support;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class ArrivalJitterTests
{
    [Fact]
    public async Task ArrivalJitter_SetOverHttp_DelaysAWrite_BeforeTheRateGateCountsIt()
    {
        using var time = new TimerWatchingTimeProvider();
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { WorkflowWritesPerMinute = 1 }, time);
        using var content = new StringContent("""{"arrivalJitter":"00:00:10"}""", Encoding.UTF8, "application/json");
        using var put = await server.Root.PutAsync(new Uri("_sim/faults", UriKind.Relative), content);

        var launch = server.PostJsonAsync("workflows", server.MsaLaunchBody());
        var delay = await time.NextTimerAsync();
        var countedWhileInFlight = server.Simulator.Control.Calls().Total;
        time.Fake.Advance(delay);
        using var response = await launch;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.InRange(delay, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(10));
        Assert.Equal(0, countedWhileInFlight);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Simulator.Control.Calls().Total);
    }
}
