namespace ContractBridge.Chaos.Fleet;

/// <summary>
/// How soon the fleet carried on after one kill: <paramref name="HeldJobs"/> jobs the victim was running were all taken
/// over (or, when it held none, the next upstream call or job completion came) after <paramref name="Resumed"/>; null
/// when nothing was pending or an outage stood in the way (no call could succeed then).
/// </summary>
public sealed record KillResume(string Victim, int HeldJobs, TimeSpan? Resumed, string How);
