using System.Security.Cryptography;
using ContractBridge.Configuration;
using ContractBridge.Ironclad.Webhooks;

namespace ContractBridge.Ironclad;

/// <summary>
/// Ironclad's webhook verification key (GET /webhooks/verification-key, PEM), fetched once and kept. A failed check may
/// fetch it again (key rotation), but at most once per <see cref="IroncladOptions.VerificationKeyRefreshInterval"/>, so a
/// flood of forged webhooks cannot turn into a flood of calls to Ironclad.
/// </summary>
public sealed class VerificationKeyCache(IroncladClient ironclad, IOptions<BridgeOptions> options, TimeProvider time) : IVerificationKeySource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RSA? _key;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public async Task<RSA> GetAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _key) ?? await FetchAsync(force: false, cancellationToken) ?? throw new InvalidOperationException("No verification key.");

    public Task<RSA?> RefreshAsync(CancellationToken cancellationToken) => FetchAsync(force: true, cancellationToken);

    public void Dispose()
    {
        _key?.Dispose();
        _gate.Dispose();
    }

    private async Task<RSA?> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        var seen = _fetchedAt;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null && (!force || _fetchedAt != seen))
            {
                // Not asked to refresh, or someone refreshed while we waited: use what is there.
                return _key;
            }

            if (force)
            {
                // Only refreshes caused by failed checks are throttled: a rotation right after the first fetch is still followed.
                if (time.GetUtcNow() - _lastForcedRefresh < options.Value.Ironclad.VerificationKeyRefreshInterval)
                {
                    return null;
                }

                _lastForcedRefresh = time.GetUtcNow();
            }

            var pem = await ironclad.GetVerificationKeyPemAsync(cancellationToken);
            var key = RSA.Create();
            key.ImportFromPem(pem);
            // The old key may still be in use by a concurrent check; it is left to the GC rather than disposed under it.
            Volatile.Write(ref _key, key);
            _fetchedAt = time.GetUtcNow();
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
