namespace ContractBridge.Engine.Jobs;

/// <summary>How the job engine claims, leases and retries. Bound from configuration by the host.</summary>
public sealed class JobEngineOptions
{
    /// <summary>Names this engine as the owner of its leases; unique per running instance.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>How long a claim holds a job without renewal. Heartbeats renew it every third of this while a batch runs.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often this instance writes its heartbeat row, which tells the other instances that it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after its last heartbeat this instance counts as dead: from then on another instance may take over the
    /// jobs it was running, without waiting for their leases. A few missed beats; keep it above the worst pause a live
    /// instance can have (and the clock difference between hosts).
    /// </summary>
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The longest a worker sleeps without looking: it finds jobs stored by other instances, due retries and expired leases.
    /// Jobs stored by this instance wake workers at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a job keeps retrying transient failures, from when it was stored (or last replayed), before it becomes a
    /// dead letter. Time, not a count: an outage of hours heals itself, the backoff capped by <see cref="BackoffMax"/>.
    /// </summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// An optional extra cap: attempts before a transient failure becomes a dead letter even within <see cref="RetryFor"/>.
    /// Null (the default) leaves retries bound by time alone.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>The delay before the second attempt; it doubles with each attempt, up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts, whatever the attempt number.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long shutdown lets running batches finish before it releases their jobs for another instance.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
