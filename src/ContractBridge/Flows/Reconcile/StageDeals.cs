using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Reconcile;

/// <summary>
/// What one pass read from Kommo: the deals now in a trigger stage (as Kommo has them now) and, for those that entered
/// a trigger stage within the pass's window, when they last did (unix seconds).
/// </summary>
public sealed record StageDeals(IReadOnlyList<KommoLead> Leads, IReadOnlyDictionary<long, long> LastEntryAt);
