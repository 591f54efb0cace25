using System.Security.Cryptography;
using System.Text;
using ContractBridge.Ironclad.Webhooks;

namespace ContractBridge.Chaos.Hostile;

/// <summary>
/// What the generator knows: the real secrets (to make near misses and authenticated-but-malformed bodies), the
/// Ironclad signing key the bridge trusts in this run, and genuine deliveries already stored (to replay and tamper with).
/// </summary>
public sealed class HostileContext(string kommoSecret, string seedSecret, string adminToken, RSA signingKey, IReadOnlyList<string> dashboardPaths) : IDisposable
{
    private readonly RSA _otherKey = RSA.Create(2048);

    public string KommoSecret => kommoSecret;

    public string SeedSecret => seedSecret;

    public string AdminToken => adminToken;

    public IReadOnlyList<string> DashboardPaths => dashboardPaths;

    public List<SignedDelivery> Genuine { get; } = [];

    public List<byte[]> GenuineKommoBodies { get; } = [];

    public List<byte[]> GenuineSeedBodies { get; } = [];

    public string KommoPath => "/webhooks/kommo/" + Uri.EscapeDataString(kommoSecret);

    /// <summary>Ironclad's signature over <paramref name="body"/> with the key the bridge trusts (or another key).</summary>
    public SignedDelivery Sign(string body, string? eventId = null, string? nonce = null, bool otherKey = false)
    {
        eventId ??= "webhookEvent" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        nonce ??= RandomNumberGenerator.GetHexString(16, lowercase: true);
        var bytes = Encoding.UTF8.GetBytes(body);
        var stringified = JavaScriptJson.Stringify(bytes);
        var key = otherKey ? _otherKey : signingKey;
        var signature = key.SignData(Encoding.UTF8.GetBytes(eventId + stringified + nonce), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new SignedDelivery(eventId, Verification(nonce, Convert.ToBase64String(signature)), bytes);
    }

    public static string Verification(string nonce, string signature) =>
        $"{{\"nonce\":\"{nonce}\",\"signAlgorithm\":\"sha256\",\"signature\":\"{signature}\",\"encoding\":\"base64\"}}";

    /// <summary>The seed dialect's signature: lowercase hex HMAC-SHA256 of the raw body.</summary>
    public string SeedSignature(byte[] body, string? secret = null) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? seedSecret), body));

    public void Dispose() => _otherKey.Dispose();
}

/// <summary>A signed Ironclad delivery: event id header, verification header (JSON), body.</summary>
public sealed record SignedDelivery(string EventId, string Verification, byte[] Body);
