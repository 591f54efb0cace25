using System.Security.Cryptography;

namespace ContractBridge.Ironclad.Webhooks;

/// <summary>Where the public key for Ironclad's webhook signatures comes from (GET /webhooks/verification-key).</summary>
public interface IVerificationKeySource
{
    /// <summary>The cached key, fetched on first use.</summary>
    Task<RSA> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Fetches the key again (Ironclad may have rotated it) and returns it, or null when a refresh happened too recently:
    /// forged requests must not be able to make us hammer Ironclad.
    /// </summary>
    Task<RSA?> RefreshAsync(CancellationToken cancellationToken);
}
