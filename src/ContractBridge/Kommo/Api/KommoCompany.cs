namespace ContractBridge.Kommo.Api;

public sealed record KommoCompany(long Id, string? Name, IReadOnlyList<KommoCustomFieldValue>? CustomFieldsValues);
