using System.Globalization;
using System.Text;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// One line per upstream for the overview: "Kommo: answering", or "Ironclad: failing since 12:03 (circuit open, next
/// probe 12:05); 14 jobs waiting". A job waits on the service its last error names (see <see cref="UpstreamJobsWaiting"/>).
/// </summary>
public static class UpstreamStatusLines
{
    public static string Render(DashboardHtml html, IReadOnlyList<CircuitSnapshot> circuits, IReadOnlyDictionary<UpstreamService, long> waiting)
    {
        var lines = new StringBuilder("<ul data-testid=\"upstreams\">");
        foreach (var circuit in circuits)
        {
            var name = circuit.Service.ToString();
            var jobs = waiting.GetValueOrDefault(circuit.Service);
            lines.Append("<li data-service=\"").Append(html.T(name.ToLowerInvariant())).Append("\">").Append(html.T(Describe(circuit, jobs))).Append("</li>");
        }

        return lines.Append("</ul>").ToString();
    }

    public static string Describe(CircuitSnapshot circuit, long jobsWaiting)
    {
        if (circuit.State == CircuitState.Closed)
        {
            return State(circuit);
        }

        var waiting = jobsWaiting == 1 ? "1 job waiting" : $"{jobsWaiting.ToString(CultureInfo.InvariantCulture)} jobs waiting";
        return $"{State(circuit)}; {waiting}";
    }

    /// <summary>"Kommo: answering", or "Ironclad: failing since 12:03 UTC (circuit open, next probe 12:05 UTC)".</summary>
    public static string State(CircuitSnapshot circuit)
    {
        var name = circuit.Service.ToString();
        if (circuit.State == CircuitState.Closed)
        {
            return $"{name}: answering";
        }

        var how = circuit.Blocked ? "blocked this integration" : "failing";
        var state = circuit.State == CircuitState.Open
            ? $"circuit open, next probe {Clock(circuit.NextProbeAt)}"
            : "circuit half-open, probing";
        return $"{name}: {how} since {Clock(circuit.UnavailableSince)} ({state})";
    }

    private static string Clock(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
