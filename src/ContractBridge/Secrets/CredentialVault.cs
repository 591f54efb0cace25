using System.Security.Cryptography;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Secrets;

/// <summary>
/// Credentials in the shared key-value store, encrypted (<see cref="ISecretProtector"/>, the key's name as purpose): the
/// Kommo OAuth pair today, tokens entered in setup pages tomorrow. A value an older release stored in plain text is
/// recognised by the caller's test, used, and stored again encrypted (compare-and-set, so two instances migrating at
/// once store one). The values themselves are never logged.
/// </summary>
public sealed partial class CredentialVault(IKeyValueStore store, ISecretProtector protector, TimeProvider time, ILogger<CredentialVault> logger)
{
    /// <param name="isPlainTextFromOlderRelease">
    /// True for a stored value an older release wrote unencrypted (e.g. it is JSON); null when there never was one.
    /// </param>
    public async Task<StoredSecret?> ReadAsync(string key, Func<string, bool>? isPlainTextFromOlderRelease, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.GetAsync(key, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            try
            {
                return new StoredSecret(protector.Unprotect(key, stored), stored);
            }
            catch (CryptographicException ex) when (isPlainTextFromOlderRelease?.Invoke(stored) != true)
            {
                throw new InvalidOperationException(
                    $"The stored credential '{key}' cannot be decrypted by this instance's key ring ({ex.Message}). The master key may have changed: set the key it was stored under as {MasterKeySource.EnvironmentVariable}, or in {MasterKeySource.PreviousEnvironmentVariable} (README, Security).",
                    ex);
            }
            catch (CryptographicException)
            {
                var encrypted = protector.Protect(key, stored);
                if (await store.CompareAndSetAsync(key, stored, encrypted, time.GetUtcNow(), cancellationToken))
                {
                    Log.Migrated(logger, key);
                    return new StoredSecret(stored, encrypted);
                }

                if (attempt > 0)
                {
                    throw;
                }

                // Another instance changed it meanwhile (migrated it, most likely): read what it stored.
            }
        }
    }

    public Task SetAsync(string key, string secret, CancellationToken cancellationToken) =>
        store.SetAsync(key, protector.Protect(key, secret), time.GetUtcNow(), cancellationToken);

    /// <summary>Stores <paramref name="secret"/> only if the key still holds <paramref name="expectedStored"/> (a <see cref="StoredSecret.Stored"/>; null: absent).</summary>
    public Task<bool> CompareAndSetAsync(string key, string? expectedStored, string secret, CancellationToken cancellationToken) =>
        store.CompareAndSetAsync(key, expectedStored, protector.Protect(key, secret), time.GetUtcNow(), cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 9753, Level = LogLevel.Information, Message = "The stored credential {Key} was in plain text (written by an older release): stored again encrypted")]
        public static partial void Migrated(ILogger logger, string key);
    }
}
