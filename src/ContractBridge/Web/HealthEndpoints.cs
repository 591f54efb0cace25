using ContractBridge.Engine.Storage;

namespace ContractBridge.Web;

/// <summary>/healthz: the process answers. /readyz: the database answers and the job engine runs.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Text("ok"));
        routes.MapGet("/readyz", async (IBridgeStore store, IHostApplicationLifetime lifetime, CancellationToken cancellationToken) =>
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

            return database
                ? Results.Text("ready")
                : Results.Text("the database does not answer", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return routes;
    }
}
