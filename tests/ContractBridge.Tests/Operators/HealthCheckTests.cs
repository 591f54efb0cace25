using System.Net;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;

namespace ContractBridge.Tests.Operators;

/// <summary>A failing upstream degrades readiness without failing it: readiness is about this process.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task AnUpstreamWhoseCircuitIsOpen_LeavesTheInstanceReady_SayingItIsDegraded()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var ironclad = bridge.App.Services.GetRequiredService<UpstreamCircuits>().For(UpstreamService.Ironclad);

        ironclad.Record(CircuitPermit.Call, CircuitOutcome.Blocked);
        using var ready = await bridge.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var live = await bridge.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("ready (degraded: Ironclad: blocked this integration since ", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "ok"), (live.StatusCode, await live.Content.ReadAsStringAsync()));
    }
}
