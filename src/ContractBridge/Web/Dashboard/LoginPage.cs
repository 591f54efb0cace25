using Microsoft.AspNetCore.Antiforgery;

namespace ContractBridge.Web.Dashboard;

/// <summary>The one form a signed-out admin sees: the token goes in a password field and is never echoed back.</summary>
public static class LoginPage
{
    public static string Body(DashboardHtml html, HttpContext context, string? problem) =>
        "<h1>Log in</h1>"
        + (problem is null ? string.Empty : $"<p class=\"problem\" data-testid=\"login-problem\">{html.T(problem)}</p>")
        + "<form method=\"post\" action=\"/login\">" + Antiforgery(html, context) + "<p><label>Admin token<br><input type=\"password\" name=\"token\" autocomplete=\"current-password\" required autofocus size=\"48\"></label></p>"
        + "<p><button type=\"submit\">Log in</button></p></form>"
        + "<p class=\"muted\">The token is ContractBridge:Dashboard:AdminToken (CONTRACTBRIDGE_ADMIN_TOKEN), or ContractBridge:Dashboard:ViewerToken (CONTRACTBRIDGE_VIEWER_TOKEN) to look without changing anything. The session lasts 12 hours.</p>";

    private static string Antiforgery(DashboardHtml html, HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return html.AntiforgeryField(tokens.FormFieldName, tokens.RequestToken!);
    }
}
