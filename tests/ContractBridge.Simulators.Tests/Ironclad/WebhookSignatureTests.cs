using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>
/// Webhooks verify as Ironclad's documentation says a receiver must check them, with a check written here and not
/// taken from the simulator: RSA-SHA256 PKCS#1 v1.5 over event id + JSON.stringify(body) + nonce, key from
/// <c>GET /webhooks/verification-key</c>.
/// </summary>
public sealed class WebhookSignatureTests : IAsyncLifetime
{
    private IroncladTestServer _server = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { SeedDialectWebhookSecret = "seed-secret" });
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task LaunchedWebhook_IsTheThinEnvelope_AndVerifiesWithThePublishedKey()
    {
        await _server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        var workflow = await _server.LaunchAsync();

        var webhook = (await _receiver.WaitForAsync(r => r.Count == 1))[0];
        var pem = await FetchKeyAsync();

        Assert.True(Verify(webhook, pem), "signature does not verify");
        var body = webhook.Json;
        Assert.Equal(["companyID", "payload", "timestamp", "webhookID"], body.Select(p => p.Key));
        Assert.Equal(["event", "templateID", "workflowID"], body["payload"]!.AsObject().Select(p => p.Key));
        Assert.Equal("workflow_launched", webhook.Event);
        Assert.Equal(workflow["id"]!.GetValue<string>(), webhook.WorkflowId);
        Assert.Equal(workflow["template"]!.GetValue<string>(), body["payload"]!["templateID"]!.GetValue<string>());
        Assert.Equal(_server.Options.CompanyId, body["companyID"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", body["timestamp"]!.GetValue<string>());
        Assert.Equal("application/json", webhook.Headers["Content-Type"]);
    }

    [Fact]
    public async Task BodyWithHtmlCharactersAndNonAscii_IsSentUnescaped_AndVerifies()
    {
        await _server.RegisterWebhookAsync(_receiver.Url, "*");
        var workflow = await _server.LaunchAsync(_server.MsaLaunchBody(counterparty: "Müller & Söhne <GmbH>"));
        await _receiver.WaitForAsync(r => r.Count == 1);
        var note = "Müller & Söhne <GmbH> — 日本語 \"quoted\" \\ tab\t 😀";

        _server.Simulator.Control.EmitEvent(workflow["id"]!.GetValue<string>(), "workflow_comment_added", new JsonObject { ["note"] = note });
        var webhook = (await _receiver.WaitForAsync(r => r.Count == 2)).Single(w => w.Event == "workflow_comment_added");

        Assert.Contains("Müller & Söhne <GmbH> — 日本語", webhook.BodyText, StringComparison.Ordinal);
        Assert.Contains("😀", webhook.BodyText, StringComparison.Ordinal);
        Assert.Contains("\\\"quoted\\\" \\\\ tab\\t", webhook.BodyText, StringComparison.Ordinal);
        Assert.Equal(note, webhook.Json["payload"]!["note"]!.GetValue<string>());
        Assert.True(Verify(webhook, await FetchKeyAsync()), "signature does not verify");
    }

    [Fact]
    public async Task AfterKeyRotation_NewWebhooksVerifyOnlyWithTheNewKey()
    {
        await _server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        var oldPem = await FetchKeyAsync();

        var rotatedPem = _server.Simulator.Control.RotateSigningKey();
        await _server.LaunchAsync();
        var webhook = (await _receiver.WaitForAsync(r => r.Count == 1))[0];
        var fetchedPem = await FetchKeyAsync();

        Assert.NotEqual(oldPem, fetchedPem);
        Assert.Equal(rotatedPem, fetchedPem);
        Assert.False(Verify(webhook, oldPem));
        Assert.True(Verify(webhook, fetchedPem));
    }

    [Fact]
    public async Task EveryRegistration_GetsItsOwnEventIdAndSignature()
    {
        await using var second = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(_receiver.Url, "workflow_launched");
        await _server.RegisterWebhookAsync(second.Url, "*");

        await _server.LaunchAsync();
        var first = (await _receiver.WaitForAsync(r => r.Count == 1))[0];
        var other = (await second.WaitForAsync(r => r.Count == 1))[0];
        var pem = await FetchKeyAsync();

        Assert.NotEqual(first.Headers["X-Ironclad-Webhook-Event-Id"], other.Headers["X-Ironclad-Webhook-Event-Id"]);
        Assert.NotEqual(first.Json["webhookID"]!.GetValue<string>(), other.Json["webhookID"]!.GetValue<string>());
        Assert.True(Verify(first, pem));
        Assert.True(Verify(other, pem));
    }

    [Fact]
    public async Task SeedDialect_StateChanges_AreHmacSignedWithTheSecret()
    {
        await _server.RegisterWebhookAsync(_receiver.Url, "workflow.state.changed");
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        _server.Simulator.Control.AdvanceTo(id, ContractBridge.Simulators.Ironclad.Model.WorkflowStage.Signed);

        var received = await _receiver.WaitForAsync(r => r.Count == 4);

        Assert.Equal(["CREATED", "REVIEW", "SIGNATURE", "EXECUTED"], received.Select(w => w.Json["workflowStatus"]!.GetValue<string>()).Order(Comparer<string>.Create((a, b) => Rank(a) - Rank(b))));
        foreach (var webhook in received)
        {
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("seed-secret"), webhook.Body));
            Assert.Equal(expected, webhook.Headers["X-Ironclad-Signature"]);
            Assert.Equal("workflow.state.changed", webhook.Json["event"]!.GetValue<string>());
            Assert.Equal(id, webhook.Json["workflowId"]!.GetValue<string>());
        }
    }

    private static int Rank(string status) => Array.IndexOf(["CREATED", "REVIEW", "SIGNATURE", "EXECUTED"], status);

    private async Task<string> FetchKeyAsync()
    {
        using var response = await _server.Http.GetAsync("webhooks/verification-key");
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The receiver's check, written from Ironclad's documentation: parse the body, JSON.stringify it again (compact,
    /// key order kept, no escaping of &lt; &gt; &amp; or non-ASCII), and verify eventId + that + nonce.
    /// </summary>
    private static bool Verify(ReceivedWebhook webhook, string pem)
    {
        var eventId = webhook.Headers["X-Ironclad-Webhook-Event-Id"];
        var verification = JsonNode.Parse(webhook.Headers["X-Ironclad-Webhook-Verification"])!;
        Assert.Equal("sha256", verification["signAlgorithm"]!.GetValue<string>());
        Assert.Equal("base64", verification["encoding"]!.GetValue<string>());
        using var parsed = JsonDocument.Parse(webhook.Body);
        var stringified = ReferenceJsonStringify.Stringify(parsed.RootElement);
        Assert.Equal(stringified, webhook.BodyText);

        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var signed = Encoding.UTF8.GetBytes(eventId + stringified + verification["nonce"]!.GetValue<string>());
        return rsa.VerifyData(signed, Convert.FromBase64String(verification["signature"]!.GetValue<string>()), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
