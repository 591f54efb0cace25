namespace ContractBridge.Kommo.Webhooks;

/// <summary>A contact or company in a Kommo webhook: which, its id, and the section it came in (add, update, …).</summary>
public sealed record KommoEntityChange(KommoEntityType Type, KommoLeadAction Action, long Id);
