using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows.Story;

/// <summary>A received event and the deals its jobs were about (none for an event about no deal, or one that stored no job).</summary>
public sealed record EventWithDeals(StoredEvent Event, IReadOnlyList<DealRef> Deals);
