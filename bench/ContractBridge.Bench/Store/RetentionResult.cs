namespace ContractBridge.Bench.Store;

/// <summary>
/// The service's retention run once on the big store (keeping <see cref="KeepDays"/> days): the store before and after,
/// how long the purge took (from the service's start to its log line), and the slowest webhook acknowledgement while it ran.
/// </summary>
internal sealed record RetentionResult(double KeepDays, StoreFootprint Before, StoreFootprint After, double PurgeSeconds, int WebhooksSent, double SlowestAckMs, int AckFailures);
