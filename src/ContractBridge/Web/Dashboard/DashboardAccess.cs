using System.Security.Cryptography;
using System.Text;
using ContractBridge.Configuration;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Which tokens open the dashboard and as whom. Off unless an admin token (at least 16 characters) is configured; a
/// viewer token, when set, must be as long and differ from it. A presented token is compared with both in constant
/// time, and every presentation counts against the <see cref="LoginThrottle"/>: a session cookie (ASP.NET Core's,
/// encrypted by Data Protection) cannot be guessed, a token can. A session carries a <see cref="Stamp"/> of the token it
/// was opened with, so changing a token signs out everyone who used it.
/// </summary>
public sealed class DashboardAccess(IOptions<BridgeOptions> options, LoginThrottle throttle)
{
    public const int ShortestToken = 16;

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>Why the dashboard is off, or null when it is on.</summary>
    public string? OffReason => options.Value.Dashboard switch
    {
        { Enabled: false } => "The dashboard is disabled (ContractBridge:Dashboard:Enabled is false).",
        { AdminToken: null or "" } => "The dashboard is off: set an admin token (CONTRACTBRIDGE_ADMIN_TOKEN or ContractBridge:Dashboard:AdminToken) to turn it on.",
        { AdminToken.Length: < ShortestToken } => $"The dashboard is off: its admin token must be at least {ShortestToken} characters.",
        { ViewerToken: { Length: > 0 and < ShortestToken } } => $"The dashboard is off: its viewer token (ContractBridge:Dashboard:ViewerToken) must be at least {ShortestToken} characters.",
        { ViewerToken: { Length: > 0 } viewer, AdminToken: var admin } when viewer == admin => "The dashboard is off: its viewer token must differ from its admin token.",
        _ => null,
    };

    /// <summary>Compares a presented token with both in constant time, unless the throttle says this client must wait first.</summary>
    public TokenCheck CheckToken(HttpContext context, string? presented)
    {
        if (OffReason is not null)
        {
            return TokenCheck.Wrong;
        }

        var client = context.Connection.RemoteIpAddress;
        if (throttle.TryAttempt(client) is { } refusal)
        {
            return new TokenCheck(null, refusal);
        }

        // Both comparisons always run, so the time taken does not say which token was nearly right.
        var admin = SecretComparer.Matches(presented, options.Value.Dashboard.AdminToken);
        var viewer = SecretComparer.Matches(presented, options.Value.Dashboard.ViewerToken);
        if (admin || viewer)
        {
            throttle.Succeeded(client);
            return new TokenCheck(admin ? DashboardRoles.Admin : DashboardRoles.Viewer, null);
        }

        throttle.Failed(client);
        return TokenCheck.Wrong;
    }

    /// <summary>A bearer token, if the request carries one.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>
    /// What a session opened as <paramref name="role"/> carries to prove its token is still the configured one: a MAC of
    /// the token, never the token itself. Null when the role has no token (any session claiming it is then void).
    /// </summary>
    public string? Stamp(string role)
    {
        var token = role switch
        {
            DashboardRoles.Admin => options.Value.Dashboard.AdminToken,
            DashboardRoles.Viewer => options.Value.Dashboard.ViewerToken,
            _ => null,
        };
        return string.IsNullOrEmpty(token) || OffReason is not null
            ? null
            : Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "contractbridge-dashboard-session-v2"u8));
    }
}
