using System.Globalization;
using System.Text;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Web.Dashboard;

/// <summary>/jobs/{id}: one job with its error, every time it died, its payload, and the replay button when it is dead.</summary>
public static class JobPage
{
    public static string Body(DashboardHtml html, DashboardSession session, JobSummary job, IReadOnlyList<DeadLetter> deaths, bool replayed)
    {
        var id = job.Id.ToString(CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        body.Append("<h1>Job #").Append(id).Append("</h1>");
        if (replayed)
        {
            body.Append("<p class=\"notice\" data-testid=\"notice\">Job #").Append(id).Append(" is queued again.</p>");
        }

        body.Append("<table><tbody>")
            .Append("<tr><th>Status</th><td data-testid=\"job-status\">").Append(html.T(job.Status.ToString().ToLowerInvariant())).Append("</td></tr>")
            .Append("<tr><th>Kind</th><td>").Append(html.T(job.Kind)).Append("</td></tr>")
            .Append("<tr><th>Key</th><td>").Append(html.T(job.Key)).Append("</td></tr>")
            .Append("<tr><th>Attempts</th><td>").Append(job.Attempts.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>")
            .Append("<tr><th>Created</th><td>").Append(DashboardHtml.Time(job.CreatedAt)).Append("</td></tr>")
            .Append("<tr><th>Updated</th><td>").Append(DashboardHtml.Time(job.UpdatedAt)).Append("</td></tr>")
            .Append("<tr><th>Next attempt</th><td>").Append(job.Status == JobStatus.Pending ? DashboardHtml.Time(job.NextAttemptAt) : "-").Append("</td></tr>")
            .Append("<tr><th>Last error</th><td class=\"error\">").Append(html.T(job.LastError)).Append("</td></tr>")
            .Append("</tbody></table>");
        if (job.Status == JobStatus.Dead && session.MayChange)
        {
            body.Append("<p>").Append(html.PostButton($"/jobs/{id}/replay", "Replay", session, $"replay-{id}")).Append("</p>");
        }

        if (deaths.Count > 0)
        {
            body.Append("<h2>Dead letters</h2><table><thead><tr><th>Died</th><th>Attempts</th><th>Error</th><th>Replayed</th></tr></thead><tbody>");
            foreach (var death in deaths)
            {
                body.Append("<tr><td>").Append(DashboardHtml.Time(death.DeadAt))
                    .Append("</td><td>").Append(death.Attempts.ToString(CultureInfo.InvariantCulture))
                    .Append("</td><td class=\"error\">").Append(html.T(death.Error))
                    .Append("</td><td>").Append(DashboardHtml.Time(death.ReplayedAt))
                    .Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("<h2>Payload</h2><pre>").Append(html.T(job.Payload)).Append("</pre>");
        return body.ToString();
    }
}
