namespace ContractBridge.Kommo.Api;

public sealed record KommoWebhookRegistration(long? Id, string Destination, IReadOnlyList<string> Settings, bool? Disabled);
