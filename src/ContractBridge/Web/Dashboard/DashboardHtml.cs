using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Everything the dashboard writes goes through here: <see cref="T"/> masks secrets and HTML-encodes (job errors and
/// event summaries come from outside), and <see cref="Page"/> wraps a body in the one layout with its headers.
/// </summary>
public sealed class DashboardHtml(SecretRedactor redactor)
{
    /// <summary>Masked and HTML-encoded text.</summary>
    public string T(object? value) => HtmlEncoder.Default.Encode(redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture)));

    public static string Time(DateTimeOffset? instant) => instant is { } value
        ? $"<time datetime=\"{value.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z</time>"
        : "<span class=\"muted\">-</span>";

    /// <summary>A link opened outside the dashboard: no referrer (dashboard URLs stay private), no window handle.</summary>
    public string ExternalLink(string? href, string text) => href is null
        ? T(text)
        : $"<a href=\"{T(href)}\" target=\"_blank\" rel=\"noopener noreferrer\">{T(text)}</a>";

    /// <summary>A POST button carrying the antiforgery token.</summary>
    public string PostButton(string action, string label, DashboardSession session, string? testId = null) =>
        $"<form method=\"post\" action=\"{T(action)}\">{AntiforgeryField(session.FormField, session.FormToken)}"
        + $"<button type=\"submit\"{(testId is null ? string.Empty : $" data-testid=\"{T(testId)}\"")}>{T(label)}</button></form>";

    public string AntiforgeryField(string name, string token) => $"<input type=\"hidden\" name=\"{T(name)}\" value=\"{T(token)}\">";

    public IResult Page(HttpContext context, string title, string body, DashboardSession? session, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        html.Append("<title>").Append(T(title)).Append(" · ContractBridge</title><style>").Append(Components.DashboardStyle.Css).Append("</style></head><body><header><strong>ContractBridge</strong>");
        if (session is not null)
        {
            html.Append("<a href=\"/\">Overview</a><a href=\"/contracts\">Contracts</a><a href=\"/jobs\">Jobs</a><a href=\"/events\">Events</a><a href=\"/audit\">Audit</a>");
            if (session.MayChange)
            {
                html.Append("<a href=\"/preview\">Dry run</a>");
            }

            if (!session.ViaBearer)
            {
                html.Append(PostButton("/logout", "Log out", session));
            }
        }

        html.Append("</header><main>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>A page that says what went wrong with a request (4xx), in words.</summary>
    public IResult Problem(HttpContext context, int statusCode, string title, string message, DashboardSession? session) =>
        Page(context, title, $"<h1>{T(title)}</h1><p class=\"problem\">{T(message)}</p>", session, statusCode);
}
