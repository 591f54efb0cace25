using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// Every recorded payload, posted to the running bridge as its sender posts it: stored and answered, and its redelivery
/// answered as a duplicate that stores nothing. One bridge serves every case (each payload is its own event).
/// </summary>
public sealed class RecordedWebhookTests(RecordedWebhookTests.Bridge fixture) : IClassFixture<RecordedWebhookTests.Bridge>
{
    private const string SeedSecret = "recorded-payloads-seed-secret";

    [Theory]
    [PayloadFiles("kommo")]
    public async Task RecordedKommoPayload_IsStored_AndItsRedeliveryIsADuplicate(string fileName)
    {
        var payload = Payload.Read("kommo", fileName);
        var before = await fixture.Harness.Store.CountEventsAsync(CancellationToken.None);

        var first = await PostAsync(BridgeHarness.KommoWebhookPath, payload, header: null);
        var again = await PostAsync(BridgeHarness.KommoWebhookPath, payload, header: null);

        Assert.Equal((HttpStatusCode.OK, "stored"), first);
        Assert.Equal((HttpStatusCode.OK, "duplicate"), again);
        Assert.Equal(before + 1, await fixture.Harness.Store.CountEventsAsync(CancellationToken.None));
    }

    [Theory]
    [PayloadFiles("ironclad-seed")]
    public async Task RecordedSeedBody_WithItsHmac_IsStored_AndItsRedeliveryIsADuplicate(string fileName)
    {
        var payload = Payload.Read("ironclad-seed", fileName);
        var hmac = ("X-Ironclad-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SeedSecret), payload.Body)));
        var before = await fixture.Harness.Store.CountEventsAsync(CancellationToken.None);

        var first = await PostAsync("/webhooks/ironclad", payload, hmac);
        var again = await PostAsync("/webhooks/ironclad", payload, hmac);

        Assert.Equal((HttpStatusCode.OK, "stored"), first);
        Assert.Equal((HttpStatusCode.OK, "duplicate"), again);
        Assert.Equal(before + 1, await fixture.Harness.Store.CountEventsAsync(CancellationToken.None));
    }

    [Theory]
    [PayloadFiles("ironclad")]
    public async Task RecordedEnvelope_WithoutItsSignature_Is401(string fileName)
    {
        var (status, _) = await PostAsync("/webhooks/ironclad", Payload.Read("ironclad", fileName), header: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    /// <summary>The answer's status code and its "status" (stored or duplicate; null for a refusal).</summary>
    private async Task<(HttpStatusCode Status, string? Outcome)> PostAsync(string path, Payload payload, (string Name, string Value)? header)
    {
        using var content = new ByteArrayContent(payload.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(payload.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        using var response = await fixture.Harness.Http.SendAsync(request);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, answer.RootElement.TryGetProperty("status", out var outcome) ? outcome.GetString() : null);
    }

    /// <summary>The bridge against both simulators, with the seed dialect's secret set.</summary>
    public sealed class Bridge : IAsyncLifetime
    {
        private BridgeHarness? _harness;

        internal BridgeHarness Harness => _harness ?? throw new InvalidOperationException("The bridge has not started.");

        public async Task InitializeAsync() => _harness = await BridgeHarness.StartAsync(
            configuration: _ => new Dictionary<string, string?> { ["ContractBridge:Ironclad:WebhookSecret"] = SeedSecret },
            registerWebhooks: false);

        public async Task DisposeAsync()
        {
            if (_harness is not null)
            {
                await _harness.DisposeAsync();
            }
        }
    }
}
