using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContractBridge.Configuration;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// The dashboard's whole security model. Off unless an admin token (at least 16 characters) is configured. The token is
/// presented once at the login form (or on every request as <c>Authorization: Bearer</c>) and compared in constant time;
/// the login sets an HttpOnly, SameSite=Strict cookie holding an expiry and a random nonce, signed with a key derived
/// from the token. Nothing is kept on the server, so several instances accept the same cookie, and changing the token
/// signs everyone out. Forms carry a CSRF token derived from the cookie's nonce. Every presented token counts against the
/// <see cref="LoginThrottle"/>: a signed cookie cannot be guessed, a token can.
/// </summary>
public sealed class DashboardAccess(IOptions<BridgeOptions> options, LoginThrottle throttle, TimeProvider time)
{
    public const string CookieName = "cb_dashboard";

    public const int ShortestToken = 16;

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>Why the dashboard is off, or null when it is on.</summary>
    public string? OffReason => options.Value.Dashboard switch
    {
        { Enabled: false } => "The dashboard is disabled (ContractBridge:Dashboard:Enabled is false).",
        { AdminToken: null or "" } => "The dashboard is off: set an admin token (CONTRACTBRIDGE_ADMIN_TOKEN or ContractBridge:Dashboard:AdminToken) to turn it on.",
        { AdminToken.Length: < ShortestToken } => $"The dashboard is off: its admin token must be at least {ShortestToken} characters.",
        _ => null,
    };

    private string Token => options.Value.Dashboard.AdminToken!;

    /// <summary>Compares a presented token in constant time, unless the throttle says this client must wait first.</summary>
    public TokenCheck CheckToken(HttpContext context, string? presented)
    {
        if (OffReason is not null)
        {
            return TokenCheck.Wrong;
        }

        var client = context.Connection.RemoteIpAddress;
        if (throttle.TryAttempt(client) is { } refusal)
        {
            return new TokenCheck(false, refusal);
        }

        if (SecretComparer.Matches(presented, Token))
        {
            throttle.Succeeded(client);
            return TokenCheck.Matched;
        }

        throttle.Failed(client);
        return TokenCheck.Wrong;
    }

    /// <summary>A bearer token, if the request carries one; a request carrying a wrong one is refused, not redirected.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>The request's session, if it has one; or, for a bearer token the throttle did not let be compared, why.</summary>
    public (DashboardSession? Session, LoginRefusal? Refusal) Authenticate(HttpContext context)
    {
        var request = context.Request;
        if (OffReason is not null)
        {
            return (null, null);
        }

        if (BearerToken(request) is { } bearer)
        {
            var check = CheckToken(context, bearer);
            return (check.Matches ? new DashboardSession(string.Empty, ViaBearer: true) : null, check.Refusal);
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && ReadCookie(cookie) is { } nonce
            ? (new DashboardSession(Csrf(nonce), ViaBearer: false), null)
            : (null, null);
    }

    /// <summary>Bearer requests need no CSRF token; cookie requests must echo the one their pages carry.</summary>
    public static bool CsrfMatches(DashboardSession session, string? presented) =>
        session.ViaBearer || (presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(session.CsrfToken)));

    public void SignIn(HttpResponse response, bool secure)
    {
        var expires = time.GetUtcNow() + SessionLifetime;
        var nonce = Base64Url(RandomNumberGenerator.GetBytes(18));
        var stamp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Cookies.Append(CookieName, $"{stamp}.{nonce}.{Sign($"session.{stamp}.{nonce}")}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = secure,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
    }

    public static void SignOut(HttpResponse response) =>
        response.Cookies.Delete(CookieName, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });

    /// <summary>The nonce of a cookie whose signature is right and which has not expired; null otherwise.</summary>
    private string? ReadCookie(string cookie)
    {
        var parts = cookie.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"session.{parts[0]}.{parts[1]}"));
        var presented = Encoding.ASCII.GetBytes(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, 253_402_300_799)) > time.GetUtcNow() ? parts[1] : null;
    }

    private string Csrf(string nonce) => Sign($"csrf.{nonce}");

    private string Sign(string what)
    {
        // A key of its own, derived from the token, so the token itself never signs anything a client sees.
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Token), "contractbridge-dashboard-v1"u8);
        return Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(what)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
