namespace ContractBridge.Web.Dashboard;

/// <summary>
/// In front of every dashboard route, before authentication: off → 404 saying how to turn it on; on → the security
/// headers (<see cref="DashboardHeaders"/>) on whatever answers, set as the answer starts so that nothing written
/// later (antiforgery's own cache headers) loosens them.
/// </summary>
public static class DashboardGate
{
    public static IApplicationBuilder UseDashboardGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DashboardEndpointMarker>() is null)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        response.OnStarting(() =>
        {
            DashboardHeaders.Apply(response);
            return Task.CompletedTask;
        });
        if (context.RequestServices.GetRequiredService<DashboardAccess>().OffReason is { } off)
        {
            await Results.Text(off + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
