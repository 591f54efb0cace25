using System.Security.Cryptography;
using System.Text;

namespace ContractBridge.Ironclad.Webhooks;

/// <summary>
/// The seed document's webhook dialect: a lowercase hex HMAC-SHA256 of the raw body with a shared secret, in
/// <c>X-Ironclad-Signature</c> (a "sha256=" prefix is tolerated). Compared in constant time.
/// </summary>
public sealed class SeedDialectSignatureVerifier(string secret)
{
    public const string SignatureHeader = "X-Ironclad-Signature";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public SignatureCheck Verify(string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureCheck.MissingSignature;
        }

        var hex = header.Trim();
        if (hex.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex["sha256=".Length..];
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return SignatureCheck.MalformedSignature;
        }

        var expected = HMACSHA256.HashData(_key, body);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.SignatureMismatch;
    }
}
