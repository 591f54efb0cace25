namespace ContractBridge.Kommo.Api;

/// <summary>A webhook subscription to create (POST /webhooks); <see cref="Settings"/> are the events it receives.</summary>
public sealed record KommoNewWebhook(string Destination, IReadOnlyList<string> Settings, int Sort);
