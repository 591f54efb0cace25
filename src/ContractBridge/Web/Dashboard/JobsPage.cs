using ContractBridge.Engine.Jobs;

namespace ContractBridge.Web.Dashboard;

/// <summary>/jobs: dead jobs (with replay), then pending and running ones; or one state's list with ?status=.</summary>
public static class JobsPage
{
    public static string All(
        DashboardHtml html,
        DashboardTables tables,
        DashboardSession session,
        JobCounts counts,
        IReadOnlyList<JobSummary> dead,
        IReadOnlyList<JobSummary> pending,
        IReadOnlyList<JobSummary> running) =>
        $"<h1>Jobs</h1><p class=\"muted\">{counts.Pending} pending, {counts.Running} running, {counts.Dead} dead, {counts.Succeeded} succeeded. "
        + "Show: <a href=\"/jobs?status=dead\">dead</a> · <a href=\"/jobs?status=pending\">pending</a> · <a href=\"/jobs?status=running\">running</a> · <a href=\"/jobs?status=succeeded\">succeeded</a></p>"
        + "<h2>Dead</h2>"
        + (counts.Dead > 0 && session.MayChange ? html.PostButton("/jobs/replay-dead", $"Replay all {counts.Dead} dead job(s)", session, "replay-all-dead") : string.Empty)
        + tables.Jobs(dead, session, "No dead jobs.")
        + "<h2>Pending</h2>" + tables.Jobs(pending, session, "Nothing is waiting.")
        + "<h2>Running</h2>" + tables.Jobs(running, session, "Nothing is running.");

    public static string One(DashboardTables tables, DashboardSession session, string status, IReadOnlyList<JobSummary> jobs) =>
        $"<h1>Jobs: {status}</h1><p><a href=\"/jobs\">All jobs</a></p>" + tables.Jobs(jobs, session, $"No {status} jobs.");
}
