namespace ContractBridge.Upstream;

/// <summary>
/// When each upstream last answered a call of this instance with a 2xx, for /setup's connection health. Kept in
/// memory: one atomic write per answer costs nothing on the hot path, and each instance says what it saw.
/// </summary>
public sealed class LastUpstreamSuccess(TimeProvider time)
{
    private long _kommo = long.MinValue;
    private long _ironclad = long.MinValue;

    public void Record(UpstreamService service) =>
        Interlocked.Exchange(ref Slot(service), time.GetUtcNow().UtcTicks);

    public DateTimeOffset? For(UpstreamService service) =>
        Interlocked.Read(ref Slot(service)) is var ticks and not long.MinValue ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private ref long Slot(UpstreamService service) => ref service == UpstreamService.Kommo ? ref _kommo : ref _ironclad;
}
