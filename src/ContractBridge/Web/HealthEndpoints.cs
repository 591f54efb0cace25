using ContractBridge.Web.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ContractBridge.Web;

/// <summary>
/// /healthz: the process answers (no check runs). /readyz: the host has started and is not stopping, the database
/// answers, and the job engine runs with every worker claiming; a 503 says which is not so. A failing upstream leaves
/// the instance ready but Degraded, said in the body (see <see cref="UpstreamHealthCheck"/>).
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>Probes are GETs, as they were when mapped with MapGet (the endpoint access test lists them so).</summary>
    private static readonly HttpMethodMetadata GetOnly = new([HttpMethods.Get]);

    public static IServiceCollection AddBridgeHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<HostLifetimeHealthCheck>(HostLifetimeHealthCheck.Name, tags: [Ready])
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [Ready])
            .AddCheck<JobEngineHealthCheck>(JobEngineHealthCheck.Name, tags: [Ready])
            .AddCheck<UpstreamHealthCheck>(UpstreamHealthCheck.Name, tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthAnswers.Live }).WithMetadata(GetOnly);
        routes.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthAnswers.Ready }).WithMetadata(GetOnly);
        return routes;
    }
}
