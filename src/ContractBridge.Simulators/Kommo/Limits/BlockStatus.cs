namespace ContractBridge.Simulators.Kommo.Limits;

/// <summary>Whether the account is blocked (every call 403), since and until when, and how close it is to a block.</summary>
public sealed record BlockStatus(bool Blocked, DateTimeOffset? BlockedAt, DateTimeOffset? BlockedUntil, int RecentTooManyRequests, int Threshold);
