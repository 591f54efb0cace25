namespace ContractBridge.Web.Dashboard;

/// <summary>
/// The dashboard's authentication schemes. None is the default, so nothing but the dashboard's own endpoints (through
/// their policies) ever looks at a cookie or a bearer header: a metrics scrape's bearer token is not taken for a guess
/// at the admin token.
/// </summary>
public static class DashboardSchemes
{
    /// <summary>The session cookie set by the login form.</summary>
    public const string Cookie = "dashboard-cookie";

    /// <summary><c>Authorization: Bearer &lt;token&gt;</c> on every request, for scripts.</summary>
    public const string Bearer = "dashboard-bearer";

    /// <summary>Bearer when the request carries the header, the cookie otherwise: what the policies authenticate with.</summary>
    public const string Either = "dashboard";

    public const string CookieName = "cb_dashboard";
}
