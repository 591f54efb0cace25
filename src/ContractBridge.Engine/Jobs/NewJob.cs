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
/// <param name="Subject">
/// What the job is about, for people reading its history (e.g. "order:123"); unlike <see cref="Key"/> it orders nothing.
/// Jobs are listed by subject (<see cref="Storage.ISubjectHistory"/>); null for a job about nothing one would look up.
/// </param>
public sealed record NewJob(string Kind, string Key, string Payload, DateTimeOffset? NotBefore = null, string? TraceParent = null, string? Subject = null);
