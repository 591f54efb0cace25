using ContractBridge.Upstream.Circuits;
using ContractBridge.Web.Dashboard;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContractBridge.Web.Health;

/// <summary>
/// Kommo's and Ironclad's last answers, as their circuit breakers know them. A failing upstream makes the instance
/// Degraded, never Unhealthy: readiness is about this process, and taking every instance out of the load balancer
/// because Ironclad is down would only lose the webhooks that the jobs would deliver once it is back.
/// </summary>
public sealed class UpstreamHealthCheck(UpstreamCircuits circuits) : IHealthCheck
{
    public const string Name = "upstreams";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = circuits.Snapshot().Where(c => c.State != CircuitState.Closed).Select(UpstreamStatusLines.State).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy("both upstreams answer")
            : HealthCheckResult.Degraded(string.Join("; ", failing)));
    }
}
