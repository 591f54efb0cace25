
namespace ContractBridge.Web.Dashboard;

/// <summary>
/// The gate in front of the dashboard's routes. Off → 404 saying how to turn it on. No session → 401: with the login form
/// for a browser's GET (in place, rather than a redirect, so that nothing unauthenticated is ever answered 2xx or 3xx),
/// with a problem page for anything else (a wrong bearer token, a POST). A POST from a cookie session must come from
/// this site (Origin, when the browser sends it) and carry the session's CSRF token. A bearer token the login throttle
/// did not let be compared → 429 with Retry-After.
/// </summary>
public static class DashboardFilters
{
    public static async ValueTask<object?> RequireEnabledAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var access = context.RequestServices.GetRequiredService<DashboardAccess>();
        if (access.OffReason is { } off)
        {
            return Off(context, off);
        }

        return await next(invocation);
    }

    public static async ValueTask<object?> RequireAdminAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var request = context.Request;
        var access = context.RequestServices.GetRequiredService<DashboardAccess>();
        var html = context.RequestServices.GetRequiredService<DashboardHtml>();
        if (access.OffReason is { } off)
        {
            return Off(context, off);
        }

        var (session, refusal) = access.Authenticate(context);
        if (refusal is not null)
        {
            return refusal.Answer(context, html, withForm: false);
        }

        if (session is null)
        {
            if (HttpMethods.IsGet(request.Method) && DashboardAccess.BearerToken(request) is null)
            {
                return html.Page(context, "Log in", LoginPage.Body(html, null), session: null, StatusCodes.Status401Unauthorized);
            }

            context.Response.Headers.WWWAuthenticate = "Bearer";
            return html.Problem(context, StatusCodes.Status401Unauthorized, "Not signed in", "Log in at /login, or send Authorization: Bearer <admin token>.", null);
        }

        if (!HttpMethods.IsGet(request.Method) && !session.ViaBearer)
        {
            if (request.Headers.Origin is [{ } origin] && !SameOrigin(origin, request))
            {
                return html.Problem(context, StatusCodes.Status403Forbidden, "Refused", "This form was sent from another site.", session);
            }

            var csrf = (await DashboardForms.TryReadAsync(request, context.RequestAborted))?["csrf"].ToString();
            if (!DashboardAccess.CsrfMatches(session, csrf))
            {
                return html.Problem(context, StatusCodes.Status403Forbidden, "Refused", "The form is stale or was not sent from the dashboard: reload the page and try again.", session);
            }
        }

        context.Items[typeof(DashboardSession)] = session;
        return await next(invocation);
    }

    private static IResult Off(HttpContext context, string message)
    {
        DashboardHeaders.Apply(context.Response);
        return Results.Text(message + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
