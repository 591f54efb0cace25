using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContractBridge.Ironclad.Webhooks;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Ironclad;

public sealed class IroncladSignatureVerifierTests : IDisposable
{
    private const string EventId = "evt_0001";
    private const string Body = "{\"companyID\":\"605b\",\"payload\":{\"event\":\"workflow_completed\",\"templateID\":\"6063\",\"workflowID\":\"611f\"},\"timestamp\":\"2022-04-07T21:36:52.776Z\",\"webhookID\":\"611f\"}";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly RSA _key = RSA.Create(2048);
    private readonly FixedKeys _keys;

    public IroncladSignatureVerifierTests() => _keys = new FixedKeys(_key);

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task ValidSignature_IsValid()
    {
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync(EventId, Sign(_key, EventId, Body, "n-1"), Encoding.UTF8.GetBytes(Body), CancellationToken.None);

        Assert.Equal(SignatureCheck.Valid, result);
    }

    /// <summary>The recorded bodies are what JSON.stringify writes, as Ironclad signs them: so each verifies as sent.</summary>
    [Theory]
    [PayloadFiles("ironclad")]
    public async Task RecordedEnvelope_SignedAsIroncladSigns_IsValid(string fileName)
    {
        var payload = Payload.Read("ironclad", fileName);
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync(EventId, Sign(_key, EventId, payload.Text, "n-0"), payload.Body, CancellationToken.None);

        Assert.Equal(SignatureCheck.Valid, result);
    }

    [Fact]
    public async Task BodyReformattedInTransit_IsStillValid_BecauseTheSignatureIsOverJsonStringify()
    {
        var verifier = new IroncladSignatureVerifier(_keys);
        var pretty = JsonSerializer.Serialize(JsonDocument.Parse(Body).RootElement, Indented);

        var result = await verifier.VerifyAsync(EventId, Sign(_key, EventId, Body, "n-2"), Encoding.UTF8.GetBytes(pretty), CancellationToken.None);

        Assert.Equal(SignatureCheck.Valid, result);
    }

    [Fact]
    public async Task TamperedBody_IsSignatureMismatch()
    {
        var verifier = new IroncladSignatureVerifier(_keys);
        var tampered = Body.Replace("workflow_completed", "workflow_cancelled", StringComparison.Ordinal);

        var result = await verifier.VerifyAsync(EventId, Sign(_key, EventId, Body, "n-3"), Encoding.UTF8.GetBytes(tampered), CancellationToken.None);

        Assert.Equal(SignatureCheck.SignatureMismatch, result);
    }

    [Fact]
    public async Task OtherEventId_IsSignatureMismatch()
    {
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync("evt_other", Sign(_key, EventId, Body, "n-4"), Encoding.UTF8.GetBytes(Body), CancellationToken.None);

        Assert.Equal(SignatureCheck.SignatureMismatch, result);
    }

    [Fact]
    public async Task SignatureByAnotherKey_IsMismatch_AfterOneRefresh()
    {
        using var forger = RSA.Create(2048);
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync(EventId, Sign(forger, EventId, Body, "n-5"), Encoding.UTF8.GetBytes(Body), CancellationToken.None);

        Assert.Equal(SignatureCheck.SignatureMismatch, result);
        Assert.Equal(1, _keys.Refreshes);
    }

    [Fact]
    public async Task RotatedKey_IsFollowed_ByOneRefresh()
    {
        using var rotated = RSA.Create(2048);
        _keys.Next = rotated;
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync(EventId, Sign(rotated, EventId, Body, "n-6"), Encoding.UTF8.GetBytes(Body), CancellationToken.None);

        Assert.Equal(SignatureCheck.Valid, result);
        Assert.Equal(1, _keys.Refreshes);
    }

    [Theory]
    [InlineData(null, "{}")]
    [InlineData("evt", null)]
    [InlineData("", "{}")]
    public async Task MissingHeaders_AreMissingSignature(string? eventId, string? verification)
    {
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync(eventId, verification, Encoding.UTF8.GetBytes(Body), CancellationToken.None);

        Assert.Equal(SignatureCheck.MissingSignature, result);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"nonce\":\"n\"}")]
    [InlineData("{\"nonce\":\"n\",\"signature\":\"***\"}")]
    [InlineData("{\"nonce\":\"n\",\"signature\":\"AAAA\",\"signAlgorithm\":\"md5\"}")]
    [InlineData("{\"nonce\":\"n\",\"signature\":\"AAAA\",\"encoding\":\"hex\"}")]
    [InlineData("[1,2]")]
    public async Task UnreadableVerificationHeader_IsMalformedSignature(string verification)
    {
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync(EventId, verification, Encoding.UTF8.GetBytes(Body), CancellationToken.None);

        Assert.Equal(SignatureCheck.MalformedSignature, result);
    }

    [Fact]
    public async Task ShortSignature_IsMismatch_NotAnError()
    {
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync(EventId, "{\"nonce\":\"n\",\"signature\":\"AAAA\"}", Encoding.UTF8.GetBytes(Body), CancellationToken.None);

        Assert.Equal(SignatureCheck.SignatureMismatch, result);
    }

    [Fact]
    public async Task BodyThatIsNotJson_IsMalformedBody()
    {
        var verifier = new IroncladSignatureVerifier(_keys);

        var result = await verifier.VerifyAsync(EventId, Sign(_key, EventId, Body, "n-7"), Encoding.UTF8.GetBytes("{\"truncated\":"), CancellationToken.None);

        Assert.Equal(SignatureCheck.MalformedBody, result);
    }

    /// <summary>Signs as Ironclad does, written independently of the code under test: over the compact body string.</summary>
    private static string Sign(RSA key, string eventId, string compactBody, string nonce)
    {
        var signature = key.SignData(Encoding.UTF8.GetBytes(eventId + compactBody + nonce), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return JsonSerializer.Serialize(new { nonce, signAlgorithm = "sha256", signature = Convert.ToBase64String(signature), encoding = "base64" });
    }

    private sealed class FixedKeys(RSA key) : IVerificationKeySource
    {
        public RSA? Next { get; set; }

        public int Refreshes { get; private set; }

        public Task<RSA> GetAsync(CancellationToken cancellationToken) => Task.FromResult(key);

        public Task<RSA?> RefreshAsync(CancellationToken cancellationToken)
        {
            Refreshes++;
            return Task.FromResult(Next ?? key)!;
        }
    }
}
