using ContractBridge.Engine.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContractBridge.Web.Health;

/// <summary>The job engine runs with every worker claiming (its claim loop alive, its last claim answered by the store).</summary>
public sealed class JobEngineHealthCheck(JobEngine engine) : IHealthCheck
{
    public const string Name = "workers";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.WhyNotClaiming() is { } reason
            ? HealthCheckResult.Unhealthy(reason)
            : HealthCheckResult.Healthy("every worker claims"));
}
