namespace ContractBridge.Kommo.Api;

/// <summary>An item a batch POST created, as Kommo's answer lists it: its new id and the request_id it was sent with.</summary>
public sealed record KommoCreatedItem(long Id, string? RequestId);
