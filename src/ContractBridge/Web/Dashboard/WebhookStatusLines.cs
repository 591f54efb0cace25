using System.Text;
using ContractBridge.Flows.Reconcile;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// One line per webhook registration for the overview, as the last reconciler pass found it ("Kommo webhook:
/// registered, 7 events; was disabled, repaired 12:03 UTC"); before the first pass, a line saying so.
/// </summary>
public static class WebhookStatusLines
{
    public static string Render(DashboardHtml html, IReadOnlyList<WebhookRegistrationStatus> statuses)
    {
        var lines = new StringBuilder("<ul data-testid=\"webhooks\">");
        if (statuses.Count == 0)
        {
            lines.Append("<li>Webhook registrations: not checked yet (the reconciler checks them at each pass)</li>");
        }

        foreach (var status in statuses)
        {
            lines.Append("<li data-service=\"").Append(html.T(status.Service.ToLowerInvariant())).Append("\" data-state=\"").Append(html.T(status.State))
                .Append("\">").Append(html.T(status.Describe())).Append("</li>");
        }

        return lines.Append("</ul>").ToString();
    }
}
