namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Headers on every dashboard answer: no scripts at all, no framing, no caching of pages that list customers' deals,
/// and no referrer leaking dashboard URLs to Kommo or Ironclad when a link is followed ("same-origin" rather than
/// "no-referrer": with no-referrer, browsers send <c>Origin: null</c> on the dashboard's own form posts).
/// </summary>
public static class DashboardHeaders
{
    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
    }
}
