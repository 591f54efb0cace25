namespace ContractBridge.Upstream.Circuits;

/// <summary>
/// When an upstream counts as down, and how it is probed (section <c>ContractBridge:Circuit</c>, one breaker per upstream).
/// The breaker opens when at least <see cref="FailureRatio"/> of at least <see cref="MinimumCalls"/> calls within
/// <see cref="SamplingDuration"/> failed (5xx, connection failure, timeout): a service that fails everything, not one
/// that has a bad minute.
/// </summary>
public sealed class CircuitBreakerOptions
{
    public const string Section = "ContractBridge:Circuit";

    public double FailureRatio { get; set; } = 0.9;

    public int MinimumCalls { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker refuses calls before it lets one probe through (and again after a failed probe).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long Kommo's "blocked" page (403, HTML) pauses every Kommo call before a probe.</summary>
    public TimeSpan BlockedBreakDuration { get; set; } = TimeSpan.FromMinutes(15);
}
