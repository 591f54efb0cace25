using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContractBridge.Ironclad.Webhooks;

/// <summary>
/// Verifies Ironclad's RSA webhook signature: RSA-SHA256 (PKCS#1 v1.5) over
/// <c>X-Ironclad-Webhook-Event-Id + JSON.stringify(body) + nonce</c>, where the nonce and the base64 signature come from the
/// <c>X-Ironclad-Webhook-Verification</c> header (itself JSON). A mismatch re-fetches the key once, to follow a rotation.
/// </summary>
public sealed class IroncladSignatureVerifier(IVerificationKeySource keys)
{
    public const string EventIdHeader = "X-Ironclad-Webhook-Event-Id";
    public const string VerificationHeader = "X-Ironclad-Webhook-Verification";

    public async Task<SignatureCheck> VerifyAsync(string? eventId, string? verification, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(eventId) || string.IsNullOrEmpty(verification))
        {
            return SignatureCheck.MissingSignature;
        }

        if (!TryReadVerification(verification, out var nonce, out var signature))
        {
            return SignatureCheck.MalformedSignature;
        }

        string stringified;
        try
        {
            stringified = JavaScriptJson.Stringify(body.Span);
        }
        catch (JsonException)
        {
            return SignatureCheck.MalformedBody;
        }

        var signed = Encoding.UTF8.GetBytes(eventId + stringified + nonce);
        if (Verify(await keys.GetAsync(cancellationToken), signed, signature))
        {
            return SignatureCheck.Valid;
        }

        var refreshed = await keys.RefreshAsync(cancellationToken);
        return refreshed is not null && Verify(refreshed, signed, signature) ? SignatureCheck.Valid : SignatureCheck.SignatureMismatch;
    }

    private static bool Verify(RSA key, byte[] signed, byte[] signature)
    {
        try
        {
            return key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            // A signature of the wrong length for the key is simply not a match.
            return false;
        }
    }

    private static bool TryReadVerification(string header, out string nonce, out byte[] signature)
    {
        nonce = string.Empty;
        signature = [];
        try
        {
            using var document = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 4 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryGetString(root, "nonce", out nonce)
                || !TryGetString(root, "signature", out var encoded))
            {
                return false;
            }

            // Absent fields mean Ironclad's defaults; anything else is an algorithm we were not told about.
            if ((TryGetString(root, "signAlgorithm", out var algorithm) && !algorithm.Equals("sha256", StringComparison.OrdinalIgnoreCase))
                || (TryGetString(root, "encoding", out var encoding) && !encoding.Equals("base64", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            signature = Convert.FromBase64String(encoded);
            return signature.Length > 0;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return false;
        }
    }

    private static bool TryGetString(JsonElement element, string name, out string value)
    {
        value = string.Empty;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = property.GetString()!;
        return true;
    }
}
