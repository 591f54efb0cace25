using ContractBridge.Web.Dashboard.Components;
using Microsoft.AspNetCore.Antiforgery;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Every dashboard POST from a browser must come from this site (Origin, when the browser sends it) and carry a valid
/// antiforgery token (ASP.NET Core's: <c>UseAntiforgery</c> has checked it; this refuses when it found it wanting);
/// else 400 and nothing changes. A script's bearer request needs neither: a browser never sends the header by itself.
/// </summary>
public static class DashboardFormCheck
{
    public static async ValueTask<object?> RequireFromDashboardAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (DashboardPrincipal.ViaBearer(context.User))
        {
            // Antiforgery found no token, as it should not; marking the request checked lets the endpoint read its form
            // (ASP.NET Core refuses to read a form whose antiforgery check failed).
            context.Features.Set<IAntiforgeryValidationFeature>(BearerNeedsNoToken.Instance);
            return await next(invocation);
        }

        var request = context.Request;
        if (request.Headers.Origin is [{ } origin] && !SameOrigin(origin, request))
        {
            return DashboardPages.Problem(StatusCodes.Status403Forbidden, "Refused", "This form was sent from another site.", null);
        }

        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return DashboardPages.Problem(StatusCodes.Status400BadRequest, "Refused", "The form is stale or was not sent from the dashboard: reload the page and try again.", null);
        }

        return await next(invocation);
    }

    private sealed class BearerNeedsNoToken : IAntiforgeryValidationFeature
    {
        public static readonly BearerNeedsNoToken Instance = new();

        public bool IsValid => true;

        public Exception? Error => null;
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
