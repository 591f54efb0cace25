using ContractBridge.Web;
using ContractBridge.Web.Dashboard;
using Prometheus;

namespace ContractBridge.Observability;

/// <summary>
/// /metrics, open on the main port by default. Metrics:Token makes it ask for <c>Authorization: Bearer &lt;token&gt;</c>
/// (compared in constant time; 401 otherwise). Metrics:Port serves it on that port only (see <see cref="MetricsPort"/>),
/// told apart by the port the connection came in on, not by the Host header, which a client writes as it likes.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    private static readonly string[] Probes = ["/healthz", "/readyz"];

    public static IEndpointConventionBuilder MapBridgeMetrics(this IEndpointRouteBuilder routes, CollectorRegistry registry) =>
        routes.MapMetrics(Path, registry).WithMetadata(new MetricsEndpointMarker());

    /// <summary>Guards /metrics and keeps the metrics port to /metrics and the probes. Call after UseRouting: it reads the endpoint.</summary>
    public static IApplicationBuilder UseMetricsAccess(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var isMetrics = context.GetEndpoint()?.Metadata.GetMetadata<MetricsEndpointMarker>() is not null;
        if (options.Port is { } port)
        {
            var onMetricsPort = context.Connection.LocalPort == port;
            if (isMetrics && !onMetricsPort)
            {
                await Refuse(context, StatusCodes.Status404NotFound, "/metrics is served on its own port (ContractBridge:Metrics:Port), not on this one.");
                return;
            }

            if (onMetricsPort && !isMetrics && !Probes.Contains(context.Request.Path.Value, StringComparer.Ordinal))
            {
                await Refuse(context, StatusCodes.Status404NotFound, "This port serves /metrics and the health probes only.");
                return;
            }
        }

        if (isMetrics && options.Token is { Length: > 0 } token && !SecretComparer.Matches(DashboardAccess.BearerToken(context.Request), token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Refuse(context, StatusCodes.Status401Unauthorized, "/metrics needs Authorization: Bearer <ContractBridge:Metrics:Token>.");
            return;
        }

        await next(context);
    });

    private static Task Refuse(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }

    /// <summary>Marks the endpoint the prometheus-net package maps, which takes no endpoint filters.</summary>
    private sealed class MetricsEndpointMarker;
}
