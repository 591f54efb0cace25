using System.Net;
using System.Security.Cryptography;
using System.Text;
using ContractBridge.Kommo.Webhooks;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Reliability;

/// <summary>Hostile bodies the generated runs found answered 5xx or accepted, pinned one by one.</summary>
public sealed class BadInputTests
{
    private const string SeedSecret = "seed-dialect-hmac-secret-for-tests";

    public static TheoryData<string> KommoJsonWithInvalidUtf8 => new()
    {
        "7B226C65616473223A7B22737461747573223A5B7B226964223A2231FF227D5D7D7D",                 // {"leads":{"status":[{"id":"1\xFF"}]}}
        "7B226163636F756E74223A7B22737562646F6D61696E223A22C0AF227D2C226C65616473223A7B22737461747573223A5B7B226964223A317D5D7D7D", // subdomain "\xC0\xAF"
        "7B226C65616473223A7B22EDA080223A5B7B226964223A317D5D7D7D",                             // a key that is an encoded surrogate
        "7B226C65616473223A7B22737461747573223A5B7B226964223A312C226E616D65223A22E282227D5D7D7D", // an ignored field with a cut sequence
    };

    [Theory]
    [MemberData(nameof(KommoJsonWithInvalidUtf8))]
    public async Task KommoJsonBody_WithInvalidUtf8_Returns400_AndStoresNothing(string hex)
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var before = await bridge.Store.CountEventsAsync(CancellationToken.None);

        using var response = await PostAsync(bridge, BridgeHarness.KommoWebhookPath, "application/json", Convert.FromHexString(hex));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await bridge.Store.CountEventsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SeedDialectBody_WithInvalidUtf8_AndAValidHmac_Returns400_AndStoresNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Ironclad:WebhookSecret"] = SeedSecret,
        });
        byte[] body = [.. "{\"event\":\"workflow.state.changed\",\"workflowId\":\"wf"u8, 0xC0, 0xAF, .. "\",\"workflowStatus\":\"EXECUTED\"}"u8];
        var before = await bridge.Store.CountEventsAsync(CancellationToken.None);

        using var response = await PostAsync(bridge, "/webhooks/ironclad", "application/json", body, ("X-Ironclad-Signature", Hmac(body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await bridge.Store.CountEventsAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("/webhooks/kommo/" + BridgeHarness.KommoWebhookSecret)]
    [InlineData("/webhooks/ironclad")]
    public async Task ChunkedBody_OverTheLimit_Returns413_WithAMessage(string path)
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var body = new byte[(1024 * 1024) + 100_000];
        Array.Fill(body, (byte)'a');

        using var response = await PostAsync(bridge, path, "application/json", body, chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "leads[status][0][id]=1%00")]
    [InlineData("application/x-www-form-urlencoded", "leads[status][0][id]=5&leads[status][0][status_id]=142%00%00")]
    [InlineData("application/json", "{\"leads\":{\"status\":[{\"id\":\"1\\u0000\"}]}}")]
    public void KommoNumbers_WithTrailingNulCharacters_AreRefused(string contentType, string body)
    {
        var parsed = KommoWebhookParser.Parse(contentType, Encoding.UTF8.GetBytes(body));

        Assert.False(parsed.Succeeded);
        Assert.Contains("integer", parsed.Error, StringComparison.Ordinal);
    }

    private static string Hmac(byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SeedSecret), body));

    private static async Task<HttpResponseMessage> PostAsync(BridgeHarness bridge, string path, string contentType, byte[] body, (string Name, string Value)? header = null, bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new UnseekableStream(body)) : new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return await bridge.Http.SendAsync(request);
    }

    /// <summary>A body of unknown length, so it is sent chunked and the server only learns its size by reading it.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
