using System.Diagnostics.Metrics;

namespace ContractBridge.Observability;

/// <summary>
/// The service's own measurements, as System.Diagnostics.Metrics instruments (exported at /metrics). Gauges that need
/// the database (jobs and contracts by state) are observed from <see cref="BridgeGaugeSnapshot"/>, refreshed in the background.
/// Instrument names carry no prefix: the exporter prefixes the meter's name (contractbridge_events_received).
/// </summary>
public sealed class BridgeMetrics : IDisposable
{
    public const string MeterName = "ContractBridge";

    private readonly Meter _meter;

    public BridgeMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        EventsReceived = _meter.CreateCounter<long>("events_received", description: "Webhooks received, by source and outcome (stored, duplicate, unauthorized, malformed, too_large).");
        UpstreamCalls = _meter.CreateCounter<long>("upstream_calls", description: "Calls to Kommo and Ironclad, by service and HTTP status class.");
        UpstreamRateLimited = _meter.CreateCounter<long>("upstream_429", description: "429 answers received from Kommo and Ironclad, by service.");
        ReconcilerDealsFound = _meter.CreateCounter<long>("reconciler_deals_found", description: "Deals the Kommo-side reconciler found in a trigger stage, by outcome (launch_queued, has_contract, cancelled, refused).");
        JobDuration = _meter.CreateHistogram<double>("job_duration_seconds", unit: "s", description: "Time from a job's creation to its outcome, by kind and outcome.");
        _meter.CreateObservableGauge("jobs", () => Snapshot.Jobs.Select(j => new Measurement<long>(j.Value, new KeyValuePair<string, object?>("state", j.Key))), description: "Jobs by state.");
        _meter.CreateObservableGauge("contracts", () => Snapshot.Contracts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("state", c.Key))), description: "Contracts by state.");
    }

    public Counter<long> EventsReceived { get; }

    public Counter<long> UpstreamCalls { get; }

    public Counter<long> UpstreamRateLimited { get; }

    public Counter<long> ReconcilerDealsFound { get; }

    public Histogram<double> JobDuration { get; }

    public BridgeGaugeSnapshot Snapshot { get; set; } = BridgeGaugeSnapshot.Empty;

    public void EventReceived(string source, string outcome) =>
        EventsReceived.Add(1, new("source", source), new("outcome", outcome));

    public void ReconcilerDealFound(string outcome) => ReconcilerDealsFound.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}

public sealed record BridgeGaugeSnapshot(IReadOnlyDictionary<string, long> Jobs, IReadOnlyDictionary<string, long> Contracts)
{
    public static readonly BridgeGaugeSnapshot Empty = new(new Dictionary<string, long>(), new Dictionary<string, long>());
}
