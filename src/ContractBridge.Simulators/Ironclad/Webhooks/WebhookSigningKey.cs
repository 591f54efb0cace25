using System.Security.Cryptography;

namespace ContractBridge.Simulators.Ironclad.Webhooks;

/// <summary>
/// The RSA key pair Ironclad signs webhooks with (RSA-SHA256, PKCS#1 v1.5). The public half is served as PEM by
/// <c>GET /webhooks/verification-key</c>; rotating it makes receivers that cache the key re-fetch it.
/// </summary>
public sealed class WebhookSigningKey : IDisposable
{
    private readonly Lock _lock = new();
    private RSA _rsa = RSA.Create(2048);

    public string PublicKeyPem
    {
        get
        {
            lock (_lock)
            {
                return _rsa.ExportSubjectPublicKeyInfoPem();
            }
        }
    }

    public byte[] Sign(byte[] data)
    {
        lock (_lock)
        {
            return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    /// <summary>Replaces the key pair; webhooks signed from now on need the new public key.</summary>
    public string Rotate()
    {
        var next = RSA.Create(2048);
        RSA previous;
        lock (_lock)
        {
            previous = _rsa;
            _rsa = next;
        }

        previous.Dispose();
        return PublicKeyPem;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _rsa.Dispose();
        }
    }
}
