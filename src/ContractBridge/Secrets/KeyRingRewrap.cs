using System.Xml.Linq;

namespace ContractBridge.Secrets;

/// <summary>
/// After a master key rotation, re-protects the key ring's rows still under a previous master key with the current
/// one, row by row, each a compare-and-set on its text (two instances doing it at once: one wins, the other's change
/// is refused and harmless). Once every instance has run with the new key, the previous one may be dropped.
/// </summary>
public static partial class KeyRingRewrap
{
    /// <summary>How many rows this call re-protected.</summary>
    public static async Task<int> RunAsync(IKeyRingStore store, MasterKeyRing keys, ILogger logger, CancellationToken cancellationToken)
    {
        var decryptor = new MasterKeyXmlDecryptor(keys);
        var encryptor = new MasterKeyXmlEncryptor(keys);
        var rewrapped = 0;
        foreach (var entry in await store.AllAsync(cancellationToken))
        {
            var element = XElement.Parse(entry.Xml);
            var stale = element.DescendantsAndSelf(MasterKeyXmlEncryptor.ElementName)
                .Where(e => (string?)e.Attribute("masterKeyId") != keys.Current.Id)
                .ToList();
            if (stale.Count == 0)
            {
                continue;
            }

            foreach (var protectedPart in stale)
            {
                protectedPart.ReplaceWith(encryptor.Encrypt(decryptor.Decrypt(protectedPart)).EncryptedElement);
            }

            if (await store.ReplaceAsync(entry.Id, entry.Xml, element.ToString(SaveOptions.DisableFormatting), cancellationToken))
            {
                rewrapped++;
            }
        }

        if (rewrapped > 0)
        {
            Log.Rewrapped(logger, rewrapped, keys.Current.Id);
        }

        return rewrapped;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9754, Level = LogLevel.Information, Message = "Re-protected {Count} key ring entries under the current master key {KeyId}")]
        public static partial void Rewrapped(ILogger logger, int count, string keyId);
    }
}
