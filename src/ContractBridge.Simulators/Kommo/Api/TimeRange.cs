namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>An inclusive range of unix timestamps; a missing bound is open.</summary>
internal sealed record TimeRange(long? From, long? To)
{
    public bool Contains(long value) => (From is null || value >= From) && (To is null || value <= To);
}
