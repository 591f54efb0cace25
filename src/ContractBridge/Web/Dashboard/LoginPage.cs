namespace ContractBridge.Web.Dashboard;

/// <summary>The one form a signed-out admin sees: the token goes in a password field and is never echoed back.</summary>
public static class LoginPage
{
    public static string Body(DashboardHtml html, string? problem) =>
        "<h1>Log in</h1>"
        + (problem is null ? string.Empty : $"<p class=\"problem\" data-testid=\"login-problem\">{html.T(problem)}</p>")
        + "<form method=\"post\" action=\"/login\"><p><label>Admin token<br><input type=\"password\" name=\"token\" autocomplete=\"current-password\" required autofocus size=\"48\"></label></p>"
        + "<p><button type=\"submit\">Log in</button></p></form>"
        + "<p class=\"muted\">The token is ContractBridge:Dashboard:AdminToken (CONTRACTBRIDGE_ADMIN_TOKEN). The session lasts 12 hours.</p>";
}
