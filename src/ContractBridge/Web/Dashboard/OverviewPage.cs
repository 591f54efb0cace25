using System.Globalization;
using System.Text;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Web.Dashboard;

/// <summary>The first page: counts, whether Kommo and Ironclad answer (see <see cref="UpstreamStatusLines"/>), what failed (with replay), what waits, the newest contracts and events.</summary>
public static class OverviewPage
{
    public static string Body(
        DashboardHtml html,
        JobCounts jobs,
        IReadOnlyDictionary<ContractState, long> contracts,
        string deadJobs,
        string replayAll,
        string waitingJobs,
        string recentContracts,
        string recentEvents,
        string upstreams = "")
    {
        var cards = new StringBuilder("<div class=\"cards\">");
        foreach (var state in Enum.GetValues<ContractState>())
        {
            Card(cards, html, $"contracts {Flows.DealNotes.StateWords(state)}", contracts.GetValueOrDefault(state));
        }

        cards.Append("</div><div class=\"cards\" style=\"margin-top:8px\">");
        Card(cards, html, "jobs pending", jobs.Pending);
        Card(cards, html, "jobs running", jobs.Running);
        Card(cards, html, "jobs dead", jobs.Dead);
        Card(cards, html, "jobs succeeded", jobs.Succeeded);
        cards.Append("</div>");

        return "<h1>Overview</h1>" + cards
            + (upstreams.Length > 0 ? "<h2>Upstreams</h2>" + upstreams : string.Empty)
            + "<h2>Dead jobs</h2><p class=\"muted\">Jobs that failed for good or ran out of attempts. Fix the cause, then replay.</p>" + replayAll + deadJobs
            + "<h2>Pending and running jobs</h2>" + waitingJobs
            + "<h2>Contracts</h2>" + recentContracts + "<p><a href=\"/contracts\">All contracts</a></p>"
            + "<h2>Recent events</h2>" + recentEvents + "<p><a href=\"/events\">More events</a></p>";
    }

    private static void Card(StringBuilder cards, DashboardHtml html, string label, long count) =>
        cards.Append("<div class=\"card\"><b>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</b>").Append(html.T(label)).Append("</div>");
}
