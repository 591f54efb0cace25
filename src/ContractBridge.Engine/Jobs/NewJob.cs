namespace ContractBridge.Engine.Jobs;

/// <summary>
/// A job to be stored. Jobs with the same <see cref="Key"/> (e.g. "order:123", "customer:abc") run one at a time, in the
/// order they were stored; jobs with different keys run in parallel.
/// </summary>
/// <param name="Kind">Which handler runs it, e.g. "email.send".</param>
/// <param name="Payload">JSON the handler understands.</param>
/// <param name="NotBefore">Earliest start; null for now.</param>
/// <param name="TraceParent">
/// The W3C traceparent the job's run continues; null takes the span current where it is stored (see <see cref="EngineTracing"/>).
/// </param>
public sealed record NewJob(string Kind, string Key, string Payload, DateTimeOffset? NotBefore = null, string? TraceParent = null);
