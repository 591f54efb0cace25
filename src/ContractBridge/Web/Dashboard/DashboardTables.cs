using System.Globalization;
using System.Text;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows;

namespace ContractBridge.Web.Dashboard;

/// <summary>The dashboard's tables (contracts, jobs, events, the audit log), shared by the overview and the full pages.</summary>
public sealed class DashboardTables(DashboardHtml html, ContractLinks links)
{
    public string Contracts(IReadOnlyList<ContractLink> contracts)
    {
        if (contracts.Count == 0)
        {
            return "<p class=\"muted\">No contracts yet: they appear when a deal enters a rule's stage.</p>";
        }

        var table = new StringBuilder("<table data-testid=\"contracts\"><thead><tr><th>Deal</th><th>Template</th><th>Rule</th><th>Ironclad</th><th>State</th><th>Created</th><th>Updated</th></tr></thead><tbody>");
        foreach (var link in contracts)
        {
            var lead = link.LeadId.ToString(CultureInfo.InvariantCulture);
            var workflow = link.WorkflowId is { } id
                ? html.ExternalLink(links.Workflow(id), link.IroncladNumber ?? id)
                : "<span class=\"muted\">launching</span>";
            table.Append("<tr data-lead=\"").Append(html.T(lead)).Append("\"><td>")
                .Append(html.ExternalLink(links.Deal(link.LeadId), string.IsNullOrWhiteSpace(link.DealName) ? $"Deal {lead}" : link.DealName))
                .Append(" <span class=\"muted\">#").Append(html.T(lead)).Append("</span>")
                .Append("</td><td>").Append(html.T(link.TemplateName))
                .Append("</td><td>").Append(html.T(link.RuleName))
                .Append("</td><td>").Append(workflow)
                .Append("</td><td>").Append(html.T(DealNotes.StateWords(link.State))).Append(link.Paused ? " <span class=\"muted\">(paused)</span>" : string.Empty)
                .Append("</td><td>").Append(DashboardHtml.Time(link.CreatedAt))
                .Append("</td><td>").Append(DashboardHtml.Time(link.UpdatedAt))
                .Append("</td></tr>");
        }

        return table.Append("</tbody></table>").ToString();
    }

    public string Jobs(IReadOnlyList<JobSummary> jobs, DashboardSession session, string emptyText)
    {
        if (jobs.Count == 0)
        {
            return $"<p class=\"muted\">{html.T(emptyText)}</p>";
        }

        var table = new StringBuilder("<table data-testid=\"jobs\"><thead><tr><th>Job</th><th>Kind</th><th>Key</th><th>Status</th><th>Attempts</th><th>Updated</th><th>Next attempt</th><th>Last error</th><th></th></tr></thead><tbody>");
        foreach (var job in jobs)
        {
            var id = job.Id.ToString(CultureInfo.InvariantCulture);
            table.Append("<tr data-job=\"").Append(id).Append("\"><td><a href=\"/jobs/").Append(id).Append("\">#").Append(id).Append("</a>")
                .Append("</td><td>").Append(html.T(job.Kind))
                .Append("</td><td>").Append(html.T(job.Key))
                .Append("</td><td>").Append(html.T(job.Status.ToString().ToLowerInvariant()))
                .Append("</td><td>").Append(job.Attempts.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(DashboardHtml.Time(job.UpdatedAt))
                .Append("</td><td>").Append(job.Status == JobStatus.Pending ? DashboardHtml.Time(job.NextAttemptAt) : "<span class=\"muted\">-</span>")
                .Append("</td><td class=\"error\">").Append(html.T(job.LastError))
                .Append("</td><td>").Append(job.Status == JobStatus.Dead && session.MayChange ? html.PostButton($"/jobs/{id}/replay", "Replay", session, $"replay-{id}") : string.Empty)
                .Append("</td></tr>");
        }

        return table.Append("</tbody></table>").ToString();
    }

    public string Events(IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0)
        {
            return "<p class=\"muted\">No webhooks received yet.</p>";
        }

        var table = new StringBuilder("<table data-testid=\"events\"><thead><tr><th>Event</th><th>Source</th><th>Received</th><th>Summary</th><th>Jobs</th></tr></thead><tbody>");
        foreach (var stored in events)
        {
            table.Append("<tr><td>").Append(stored.Id.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(html.T(stored.Source))
                .Append("</td><td>").Append(DashboardHtml.Time(stored.ReceivedAt))
                .Append("</td><td>").Append(html.T(stored.Summary))
                .Append("</td><td>").Append(stored.JobCount.ToString(CultureInfo.InvariantCulture))
                .Append("</td></tr>");
        }

        return table.Append("</tbody></table>").ToString();
    }
}
