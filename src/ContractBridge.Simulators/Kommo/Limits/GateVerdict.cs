namespace ContractBridge.Simulators.Kommo.Limits;

/// <summary>What the rate gate decided for one call.</summary>
internal enum GateVerdict
{
    Admitted,
    TooManyRequests,
    Blocked,
}
