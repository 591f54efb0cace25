namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Headers on every dashboard answer: no scripts at all, no framing, no caching of pages that list customers' deals,
/// and no referrer leaking dashboard URLs to Kommo or Ironclad when a link is followed ("same-origin" rather than
/// "no-referrer": with no-referrer, browsers send <c>Origin: null</c> on the dashboard's own form posts).
/// </summary>
public static class DashboardHeaders
{
    private const string FormActionItem = "ContractBridge.Dashboard.FormAction";

    /// <summary>
    /// Lets this page's forms lead to <paramref name="target"/>'s origin as well: browsers hold a form's redirects to
    /// <c>form-action</c> too, so /setup's "Connect with Kommo" (a post answered by a redirect to Kommo's consent page)
    /// needs Kommo's origin there.
    /// </summary>
    public static void AllowFormActionTo(HttpContext context, Uri target) =>
        context.Items[FormActionItem] = target.GetLeftPart(UriPartial.Authority);

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        var formAction = response.HttpContext.Items[FormActionItem] is string origin ? $"'self' {origin}" : "'self'";
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline'; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
    }
}
