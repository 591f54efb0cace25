using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// ASP.NET Core's cookie authentication and antiforgery for the dashboard, with a bearer scheme of its own for scripts,
/// and the two policies. The session cookie is HttpOnly, SameSite=Strict, lasts <see cref="DashboardAccess.SessionLifetime"/>
/// (not renewed by use) and is void once its token's stamp no longer matches the configured token. Both cookies are
/// protected by Data Protection's key ring.
/// </summary>
public static class DashboardAuthentication
{
    public static IServiceCollection AddDashboardAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(DashboardSchemes.Either, "Dashboard", scheme => scheme.ForwardDefaultSelector = context =>
                DashboardAccess.BearerToken(context.Request) is null ? DashboardSchemes.Cookie : DashboardSchemes.Bearer)
            .AddScheme<AuthenticationSchemeOptions, DashboardBearerHandler>(DashboardSchemes.Bearer, null)
            .AddCookie(DashboardSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = DashboardSchemes.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.IsEssential = true;
                cookie.ExpireTimeSpan = DashboardAccess.SessionLifetime;
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = ValidateStampAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicies.Read, policy => policy.AddAuthenticationSchemes(DashboardSchemes.Either).RequireRole(DashboardRoles.Admin, DashboardRoles.Viewer))
            .AddPolicy(DashboardPolicies.Change, policy => policy.AddAuthenticationSchemes(DashboardSchemes.Either).RequireRole(DashboardRoles.Admin));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DashboardAuthorizationAnswers>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "cb_antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // DashboardHeaders says DENY on every dashboard answer; antiforgery's SAMEORIGIN would be weaker.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    /// <summary>A session opened with a token that is no longer configured (changed, or the dashboard off) ends.</summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var access = context.HttpContext.RequestServices.GetRequiredService<DashboardAccess>();
        var principal = context.Principal;
        var role = principal is null ? null : DashboardPrincipal.Role(principal);
        var stamp = principal?.FindFirst(DashboardPrincipal.StampClaim)?.Value;
        if (role is null || access.Stamp(role) is not { } expected || !SecretComparer.Matches(stamp, expected))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DashboardSchemes.Cookie);
        }
    }
}
