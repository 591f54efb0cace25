using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Web;

/// <summary>
/// /healthz: the process answers. /readyz: the host has started and is not stopping, the database answers, and the job
/// engine runs with every worker claiming (its claim loop alive, its last claim answered by the store); a 503 says which
/// is not so.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Text("ok"));
        routes.MapGet("/readyz", async (IBridgeStore store, JobEngine engine, IHostApplicationLifetime lifetime, CancellationToken cancellationToken) =>
        {
            if (!lifetime.ApplicationStarted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return Results.Text("starting or stopping", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            bool database;
            try
            {
                database = await store.PingAsync(cancellationToken);
            }
            catch (Exception)
            {
                database = false;
            }

            if (!database)
            {
                return Results.Text("the database does not answer", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return engine.WhyNotClaiming() is { } reason
                ? Results.Text(reason, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("ready");
        });
        return routes;
    }
}
