using System.Globalization;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// One line per upstream for the overview: "Kommo: answering", or "Ironclad: failing since 12:03 (circuit open, next
/// probe 12:05); 14 jobs waiting". A job waits on the service its last error names (see <see cref="UpstreamJobsWaiting"/>).
/// </summary>
public static class UpstreamStatusLines
{
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
