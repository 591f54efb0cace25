using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Webhooks;

/// <summary>
/// A webhook decided under the state lock and signed and sent after it: either Ironclad's envelope (RSA-signed) or
/// the seed dialect's body (HMAC-signed).
/// </summary>
public sealed record PendingDelivery(string WebhookId, Uri Target, string Description, JsonObject? Envelope, byte[]? SeedBody);
