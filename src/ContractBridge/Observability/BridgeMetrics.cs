using System.Diagnostics.Metrics;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Circuits;

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

    public BridgeMetrics(IMeterFactory meterFactory, UpstreamCircuits circuits)
    {
        _meter = meterFactory.Create(MeterName);
        EventsReceived = _meter.CreateCounter<long>("events_received", description: "Webhooks received, by source and outcome (stored, duplicate, unauthorized, malformed, too_large).");
        UpstreamCalls = _meter.CreateCounter<long>("upstream_calls", description: "Calls to Kommo and Ironclad, by service and HTTP status class.");
        UpstreamRateLimited = _meter.CreateCounter<long>("upstream_429", description: "429 answers received from Kommo and Ironclad, by service.");
        UpstreamCircuitRefused = _meter.CreateCounter<long>("upstream_circuit_refused", description: "Calls not sent because the service's circuit was open, by service.");
        UpstreamBlocked = _meter.CreateCounter<long>("upstream_blocked", description: "Times Kommo blocked this integration (403 block page), by service.");
        _meter.CreateObservableGauge("upstream_circuit_state", () => circuits.Snapshot().Select(c => new Measurement<int>((int)c.State, Service(c))), description: "Each upstream's circuit: 0 closed, 1 half-open (probing), 2 open.");
        _meter.CreateObservableGauge("upstream_unavailable_since_seconds", () => circuits.Snapshot().Select(c => new Measurement<double>(c.UnavailableSince?.ToUnixTimeSeconds() ?? 0, Service(c))), unit: "s", description: "Unix time since which each upstream's circuit has been open or probing; 0 while it answers.");
        ReconcilerDealsFound = _meter.CreateCounter<long>("reconciler_deals_found", description: "Deals the Kommo-side reconciler found in a trigger stage, by outcome (launch_queued, has_contract, cancelled, refused).");
        WebhookRegistrationsRepaired = _meter.CreateCounter<long>("webhook_registrations_repaired", description: "Webhook registrations the bridge found missing, disabled or incomplete and registered again, by service.");
        JobDuration = _meter.CreateHistogram<double>("job_duration_seconds", unit: "s", description: "Time from a job's creation to its outcome, by kind and outcome.");
        _meter.CreateObservableGauge("upstream_jobs_waiting", () => Snapshot.WaitingOn.Select(w => new Measurement<long>(w.Value, new KeyValuePair<string, object?>("service", w.Key.ToString().ToLowerInvariant()))), description: "Pending jobs whose last attempt failed on each upstream: what waits for it to answer.");
        _meter.CreateObservableGauge("jobs", () => Snapshot.Jobs.Select(j => new Measurement<long>(j.Value, new KeyValuePair<string, object?>("state", j.Key))), description: "Jobs by state.");
        _meter.CreateObservableGauge("contracts", () => Snapshot.Contracts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("state", c.Key))), description: "Contracts by state.");
    }

    public Counter<long> EventsReceived { get; }

    public Counter<long> UpstreamCalls { get; }

    public Counter<long> UpstreamRateLimited { get; }

    public Counter<long> UpstreamCircuitRefused { get; }

    public Counter<long> UpstreamBlocked { get; }

    public Counter<long> ReconcilerDealsFound { get; }

    public Counter<long> WebhookRegistrationsRepaired { get; }

    public Histogram<double> JobDuration { get; }

    public BridgeGaugeSnapshot Snapshot { get; set; } = BridgeGaugeSnapshot.Empty;

    public void EventReceived(string source, string outcome) =>
        EventsReceived.Add(1, new("source", source), new("outcome", outcome));

    public void ReconcilerDealFound(string outcome) => ReconcilerDealsFound.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Service(CircuitSnapshot circuit) => new("service", circuit.Service.ToString().ToLowerInvariant());
}

public sealed record BridgeGaugeSnapshot(
    IReadOnlyDictionary<string, long> Jobs,
    IReadOnlyDictionary<string, long> Contracts,
    IReadOnlyDictionary<UpstreamService, long> WaitingOn)
{
    public static readonly BridgeGaugeSnapshot Empty = new(new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<UpstreamService, long>());
}
