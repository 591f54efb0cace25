using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContractBridge.Web.Health;

/// <summary>Ready only between the host's start and the beginning of its stop: a stopping instance takes no new traffic.</summary>
public sealed class HostLifetimeHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Name = "host";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Healthy("started")
            : HealthCheckResult.Unhealthy("starting or stopping"));
}
