namespace ContractBridge.Observability;

/// <summary>Bound from ContractBridge:Metrics.</summary>
public sealed class MetricsOptions
{
    public const string Section = Configuration.BridgeOptions.Section + ":Metrics";

    public const int ShortestToken = 16;

    /// <summary>How often the jobs-by-state and contracts-by-state gauges are read from the database.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, /metrics answers only requests with <c>Authorization: Bearer &lt;token&gt;</c>, and 401 others.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// When set, /metrics is served on this port only, which the service then listens on too (on the same addresses as
    /// its main URLs); the main port answers /metrics 404, and this port serves nothing but /metrics and the health probes.
    /// </summary>
    public int? Port { get; set; }
}
