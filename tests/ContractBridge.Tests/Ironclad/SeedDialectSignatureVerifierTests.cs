using System.Security.Cryptography;
using System.Text;
using ContractBridge.Ironclad.Webhooks;

namespace ContractBridge.Tests.Ironclad;

public sealed class SeedDialectSignatureVerifierTests
{
    private const string Secret = "whsec-seed";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"event\":\"workflow.state.changed\",\"workflowId\":\"wf1\",\"workflowStatus\":\"EXECUTED\"}");

    [Fact]
    public void HexHmacOfRawBody_IsValid()
    {
        var verifier = new SeedDialectSignatureVerifier(Secret);

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Hmac(Secret, Body), Body));
        Assert.Equal(SignatureCheck.Valid, verifier.Verify("sha256=" + Hmac(Secret, Body).ToUpperInvariant(), Body));
    }

    [Fact]
    public void HmacWithAnotherSecret_IsMismatch()
    {
        var verifier = new SeedDialectSignatureVerifier(Secret);

        Assert.Equal(SignatureCheck.SignatureMismatch, verifier.Verify(Hmac("wrong", Body), Body));
    }

    [Fact]
    public void TamperedBody_IsMismatch()
    {
        var verifier = new SeedDialectSignatureVerifier(Secret);
        var tampered = Encoding.UTF8.GetBytes("{\"event\":\"workflow.state.changed\",\"workflowId\":\"wf2\",\"workflowStatus\":\"EXECUTED\"}");

        Assert.Equal(SignatureCheck.SignatureMismatch, verifier.Verify(Hmac(Secret, Body), tampered));
    }

    [Theory]
    [InlineData(null, SignatureCheck.MissingSignature)]
    [InlineData(" ", SignatureCheck.MissingSignature)]
    [InlineData("zz-not-hex", SignatureCheck.MalformedSignature)]
    [InlineData("abcd", SignatureCheck.SignatureMismatch)]
    public void UnusableHeader_IsRefused(string? header, SignatureCheck expected)
    {
        var verifier = new SeedDialectSignatureVerifier(Secret);

        Assert.Equal(expected, verifier.Verify(header, Body));
    }

    private static string Hmac(string secret, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
