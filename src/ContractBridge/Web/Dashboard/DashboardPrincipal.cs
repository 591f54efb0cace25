using System.Security.Claims;
using ContractBridge.Audit;

namespace ContractBridge.Web.Dashboard;

/// <summary>The identity a token signs in as: its role, the stamp of its token (<see cref="DashboardAccess.Stamp"/>), and how it came.</summary>
public static class DashboardPrincipal
{
    public const string StampClaim = "cb:token-stamp";

    public static ClaimsPrincipal Create(string role, string stamp, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role), new Claim(StampClaim, stamp)], scheme));

    /// <summary>A script's bearer request: a browser never sends the header by itself, so it needs no antiforgery token and has no session to end.</summary>
    public static bool ViaBearer(ClaimsPrincipal user) => user.Identity is { IsAuthenticated: true, AuthenticationType: DashboardSchemes.Bearer };

    /// <summary>Who the audit log says did it: the request's role (or the one just signed in as) and client address.</summary>
    public static AuditActor Actor(HttpContext context, string? role = null) =>
        new(role ?? Role(context.User), context.Connection.RemoteIpAddress?.ToString());

    /// <summary>"admin", "viewer", or "anonymous" for the audit log.</summary>
    public static string Role(ClaimsPrincipal user) =>
        user.IsInRole(DashboardRoles.Admin) ? DashboardRoles.Admin : user.IsInRole(DashboardRoles.Viewer) ? DashboardRoles.Viewer : "anonymous";
}
