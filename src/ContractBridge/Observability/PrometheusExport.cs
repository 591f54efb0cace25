using System.Diagnostics.Metrics;
using Prometheus;

namespace ContractBridge.Observability;

/// <summary>
/// What /metrics serves: this app's .NET meters (ours, "ContractBridge", and ASP.NET Core's and HttpClient's, all made
/// by this app's <see cref="IMeterFactory"/>) plus the process's .NET stats, in a registry of the app's own.
/// prometheus-net's built-in adapter starts only at the first scrape, losing everything counted before it; this one
/// starts with the app. Its own registry also keeps apps that share a process (the demo's simulators, tests) apart.
/// </summary>
public sealed class PrometheusExport : IDisposable
{
    private readonly IDisposable _adapter;

    public PrometheusExport(IMeterFactory meters)
    {
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,

            // The factory wins over Registry, and defaults to the default registry's: both must name ours.
            MetricFactory = Metrics.WithCustomRegistry(Registry),
            InstrumentFilterPredicate = instrument => ReferenceEquals(instrument.Meter.Scope, meters),

            // The adapter drops a series that has not changed for a while (5 minutes by default); a counter that stops
            // moving is still a counter, so keep series for the longest it allows. Our labels are few and fixed.
            MetricsExpireAfter = TimeSpan.FromDays(1),
        });
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _adapter.Dispose();
}
