namespace ContractBridge.Observability;

/// <summary>Bound from ContractBridge:Metrics.</summary>
public sealed class MetricsOptions
{
    /// <summary>How often the jobs-by-state and contracts-by-state gauges are read from the database.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
