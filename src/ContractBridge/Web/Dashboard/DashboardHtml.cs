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
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
        header{background:#1d2430;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
        header a{color:#cfe0ff;text-decoration:none}header strong{margin-right:12px}
        header form{margin-left:auto}main{padding:16px 24px;max-width:1400px}
        h1{font-size:20px}h2{font-size:16px;margin-top:28px}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top}
        th{background:#eef1f5;font-weight:600}td.error{font-family:ui-monospace,monospace;font-size:12px;white-space:pre-wrap;max-width:560px;overflow-wrap:anywhere}
        .cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #e3e6ea;padding:8px 14px;min-width:90px}
        .card b{display:block;font-size:20px}.notice{background:#e7f6ec;border:1px solid #9bd3ae;padding:8px 12px}
        .problem{background:#fdecec;border:1px solid #e9a3a3;padding:8px 12px}.muted{color:#6b7380}
        button{cursor:pointer}pre{background:#fff;border:1px solid #e3e6ea;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}
        """;

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
        html.Append("<title>").Append(T(title)).Append(" · ContractBridge</title><style>").Append(Style).Append("</style></head><body><header><strong>ContractBridge</strong>");
        if (session is not null)
        {
            html.Append("<a href=\"/\">Overview</a><a href=\"/contracts\">Contracts</a><a href=\"/jobs\">Jobs</a><a href=\"/events\">Events</a><a href=\"/audit\">Audit</a>");
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
