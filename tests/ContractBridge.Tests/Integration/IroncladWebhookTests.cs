using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration;

public sealed class IroncladWebhookTests
{
    private static readonly string Envelope = Payload.Read("ironclad", "workflow_completed.json").Text;

    [Fact]
    public async Task ForgedSignature_Is401_AndNothingIsStored()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        using var forger = RSA.Create(2048);

        using var response = await PostAsync(bridge, Envelope, "evt-1", Sign(forger, "evt-1", Envelope, "nonce-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await bridge.Store.CountEventsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GenuineDelivery_IsStoredOnce_WhileTamperedOrReplayedCopiesChangeNothing()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        await using var capture = await WebhookCapture.StartAsync();
        using var http = IroncladApi(bridge);
        using var registration = await http.PostAsJsonAsync("/public/api/v1/webhooks", new { events = new[] { "*" }, targetURL = capture.Url.ToString(), status = "enabled" });
        registration.EnsureSuccessStatusCode();
        await LaunchDirectlyAsync(bridge, withLeadId: null);
        var genuine = await Eventually.GetAsync(() => capture.Received.FirstOrDefault(), "a genuine delivery");
        var eventId = genuine.Headers["X-Ironclad-Webhook-Event-Id"];
        var verification = genuine.Headers["X-Ironclad-Webhook-Verification"];

        using var tampered = await PostAsync(bridge, genuine.Body.Replace("workflow_launched", "workflow_completed", StringComparison.Ordinal), eventId, verification);
        using var otherId = await PostAsync(bridge, genuine.Body, eventId + "x", verification);
        using var accepted = await PostAsync(bridge, genuine.Body, eventId, verification);
        using var replayed = await PostAsync(bridge, genuine.Body, eventId, verification);

        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("stored", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("duplicate", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await bridge.Store.CountEventsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MissingSignature_Is401()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        using var response = await PostAsync(bridge, Envelope, null, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not signed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsForAWorkflowWeDidNotLaunch_AreStoredAndIgnored()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var foreign = await LaunchDirectlyAsync(bridge, withLeadId: null);

        bridge.Ironclad.Control.AdvanceTo(foreign, WorkflowStage.Sign);

        await Eventually.TrueAsync(async () => await bridge.Store.CountEventsAsync(CancellationToken.None) >= 3, "the events to be stored");
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 }, "their jobs to finish");
        Assert.Null(await bridge.Contracts.FindByWorkflowAsync(foreign, CancellationToken.None));
    }

    [Fact]
    public async Task WorkflowLaunchedElsewhere_WithAKommoLeadId_IsLinkedToItsDeal()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Launched by hand in Ironclad");
        var workflow = await LaunchDirectlyAsync(bridge, withLeadId: lead);

        bridge.Ironclad.Control.AdvanceTo(workflow, WorkflowStage.Sign);

        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");
        Assert.Equal(workflow, (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))!.WorkflowId);
    }

    [Fact]
    public async Task SeedDialect_WithItsHmac_DrivesTheDeal_AndAWrongHmacIsRefused()
    {
        const string secret = "seed-dialect-secret-123";
        await using var bridge = await BridgeHarness.StartAsync(
            simulators: o => o with { Ironclad = o.Ironclad with { SeedDialectWebhookSecret = secret } },
            configuration: _ => new Dictionary<string, string?> { ["ContractBridge:Ironclad:WebhookSecret"] = secret },
            registerWebhooks: false);
        await RegisterSeedDialectAsync(bridge);
        var lead = bridge.Account.AddDeal("Seed Co");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Archive);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");

        var body = $"{{\"event\":\"workflow.state.changed\",\"workflowId\":\"{workflow.Id}\",\"workflowStatus\":\"CANCELLED\"}}";
        using var forged = new StringContent(body, Encoding.UTF8, "application/json");
        forged.Headers.Add("X-Ironclad-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("wrong"), Encoding.UTF8.GetBytes(body))));
        using var response = await bridge.Http.PostAsync(new Uri("/webhooks/ironclad", UriKind.Relative), forged);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The seed's setup: Ironclad sends only workflow.state.changed (HMAC-signed); Kommo as usual.</summary>
    private static async Task RegisterSeedDialectAsync(BridgeHarness bridge)
    {
        using var http = IroncladApi(bridge);
        var target = new Uri(bridge.Url, "/webhooks/ironclad").ToString();
        using var response = await http.PostAsJsonAsync("/public/api/v1/webhooks", new { events = new[] { "workflow.state.changed" }, targetURL = target, status = "enabled" });
        response.EnsureSuccessStatusCode();
        var registrar = bridge.App.Services.GetRequiredService<ContractBridge.Flows.WebhookRegistrar>();
        await bridge.App.Services.GetRequiredService<ContractBridge.Kommo.KommoClient>()
            .RegisterWebhookAsync(registrar.KommoUrl(bridge.Url), ContractBridge.Flows.WebhookRegistrar.KommoSettings, CancellationToken.None);
    }

    /// <summary>Launches an MSA straight in Ironclad (as legal might), optionally naming a deal.</summary>
    private static async Task<string> LaunchDirectlyAsync(BridgeHarness bridge, long? withLeadId)
    {
        using var http = IroncladApi(bridge);
        var template = bridge.Ironclad.Control.Templates.Single(t => t.Name == "MSA");
        var attributes = new Dictionary<string, object>
        {
            ["counterpartyName"] = "Direct Co",
            ["contractValue"] = new { amount = 1000, currency = "USD" },
            ["counterpartySignerName"] = "Dee Rect",
            ["counterpartySignerEmail"] = "dee@direct.example",
        };
        if (withLeadId is { } leadId)
        {
            attributes["kommoLeadId"] = leadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var response = await http.PostAsJsonAsync("/public/api/v1/workflows", new
        {
            template = template.Id,
            attributes,
            creator = new { type = "email", email = bridge.Ironclad.Control.Users[0].Email },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static HttpClient IroncladApi(BridgeHarness bridge)
    {
        var http = new HttpClient { BaseAddress = bridge.Ironclad.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "ironclad-sim-api-key");
        return http;
    }

    private static string Sign(RSA key, string eventId, string body, string nonce)
    {
        var signature = key.SignData(Encoding.UTF8.GetBytes(eventId + body + nonce), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return JsonSerializer.Serialize(new { nonce, signAlgorithm = "sha256", signature = Convert.ToBase64String(signature), encoding = "base64" });
    }

    private static async Task<HttpResponseMessage> PostAsync(BridgeHarness bridge, string body, string? eventId, string? verification)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        if (eventId is not null)
        {
            content.Headers.Add("X-Ironclad-Webhook-Event-Id", eventId);
        }

        if (verification is not null)
        {
            content.Headers.Add("X-Ironclad-Webhook-Verification", verification);
        }

        return await bridge.Http.PostAsync(new Uri("/webhooks/ironclad", UriKind.Relative), content);
    }
}
