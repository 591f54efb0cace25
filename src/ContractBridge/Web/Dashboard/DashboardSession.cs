namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Who is looking: an admin with a session cookie (whose forms must carry <see cref="CsrfToken"/>), or a script with
/// the bearer token (which a browser never sends by itself, so it needs no CSRF token).
/// </summary>
public sealed record DashboardSession(string CsrfToken, bool ViaBearer);
