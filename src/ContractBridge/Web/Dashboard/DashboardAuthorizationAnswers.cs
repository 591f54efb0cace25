using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using ContractBridge.Web.Dashboard.Components;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// What the dashboard answers when its policies say no, in place of the schemes' redirects, so that nothing
/// unauthenticated is ever answered 2xx or 3xx. No session → 401: with the login form for a browser's GET, with a
/// problem page (and <c>WWW-Authenticate: Bearer</c>) for anything else (a wrong bearer token, a POST). A bearer token
/// the login throttle did not let be compared → 429 with Retry-After. A viewer asking to change something → 403.
/// </summary>
public sealed class DashboardAuthorizationAnswers : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !policy.AuthenticationSchemes.Contains(DashboardSchemes.Either))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        await (await Answer(context, authorizeResult)).ExecuteAsync(context);
    }

    private static async Task<IResult> Answer(HttpContext context, PolicyAuthorizationResult result)
    {
        var request = context.Request;
        if (context.Items[typeof(LoginRefusal)] is LoginRefusal refusal)
        {
            return refusal.Answer(context, withForm: false);
        }

        if (result.Forbidden)
        {
            return DashboardPages.Problem(StatusCodes.Status403Forbidden, "Refused", "Viewers see every page but change nothing: this needs the admin token.", await DashboardSession.OfAsync(context));
        }

        if (HttpMethods.IsGet(request.Method) && DashboardAccess.BearerToken(request) is null)
        {
            return LoginPage.For(context, problem: null, StatusCodes.Status401Unauthorized);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return DashboardPages.Problem(StatusCodes.Status401Unauthorized, "Not signed in", "Log in at /login, or send Authorization: Bearer <admin token>.", null);
    }
}
