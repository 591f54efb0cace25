namespace ContractBridge.Bench.EndToEnd;

/// <summary>Kommo webhooks offered at a fixed rate to the service: how fast they were acknowledged.</summary>
internal sealed record AckResult(
    double OfferedPerSecond,
    double Seconds,
    int Acknowledged,
    int Errors,
    double AcknowledgedPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    int BodyBytes,
    double PeakRssMb,
    double ServiceCpuMsPerWebhook);
