using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// <c>Authorization: Bearer &lt;admin or viewer token&gt;</c>: compared by <see cref="DashboardAccess"/> (so counted by
/// the login throttle). A token the throttle did not let be compared leaves its refusal in the request's items, for
/// <see cref="DashboardAuthorizationAnswers"/> to answer 429.
/// </summary>
public sealed class DashboardBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DashboardAccess access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (DashboardAccess.BearerToken(Request) is not { } bearer)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var check = access.CheckToken(Context, bearer);
        if (check.Refusal is { } refusal)
        {
            Context.Items[typeof(LoginRefusal)] = refusal;
            return Task.FromResult(AuthenticateResult.Fail(refusal.Message));
        }

        if (check.Role is not { } role || access.Stamp(role) is not { } stamp)
        {
            return Task.FromResult(AuthenticateResult.Fail("That is not a dashboard token."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(DashboardPrincipal.Create(role, stamp, Scheme.Name), Scheme.Name)));
    }
}
