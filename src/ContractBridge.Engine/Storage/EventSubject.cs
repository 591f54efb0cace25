namespace ContractBridge.Engine.Storage;

/// <summary>Event <paramref name="EventId"/> stored at least one job about <paramref name="Subject"/>.</summary>
public sealed record EventSubject(long EventId, string Subject);
