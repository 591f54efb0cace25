using Prometheus;

namespace ContractBridge.Observability;

/// <summary>
/// /metrics is prometheus-net, which publishes .NET meters (ours is "ContractBridge") through its meter adapter. The
/// adapter drops a series it has not seen change for a while; a counter that stops moving is still a counter, so the
/// expiry is set far out (our labels are few and fixed, so nothing piles up).
/// </summary>
public static class PrometheusExport
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 0)
        {
            Metrics.ConfigureMeterAdapter(adapter => adapter.MetricsExpireAfter = TimeSpan.FromDays(3650));
        }
    }
}
