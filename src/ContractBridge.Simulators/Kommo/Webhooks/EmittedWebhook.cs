namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// A webhook body the simulator produced for one destination (before webhook faults: a dropped one is listed here too).
/// <see cref="Body"/> is the exact form-encoded text sent.
/// </summary>
public sealed record EmittedWebhook(
    Uri Destination,
    IReadOnlyList<string> Actions,
    IReadOnlyList<long> LeadIds,
    string Body,
    DateTimeOffset At);
