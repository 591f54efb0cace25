using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Control;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>The <c>/_sim/</c> control API through its typed client, as a benchmark in another process uses it.</summary>
public sealed class ControlClientTests : IAsyncLifetime
{
    private IroncladTestServer _server = null!;
    private IroncladSimulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await IroncladTestServer.StartAsync();
        _client = new IroncladSimulatorClient(_server.Root);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AdvanceToNamedStage_AndReadBack_WorkflowWithAttributesAndEvents()
    {
        var launched = await _server.LaunchAsync();

        var advanced = await _client.AdvanceAsync(launched["ironcladId"]!.GetValue<string>(), WorkflowStage.Archive);
        var read = await _client.WorkflowAsync(launched["id"]!.GetValue<string>());
        var all = await _client.WorkflowsAsync();

        Assert.Equal("Archive", advanced.Step);
        Assert.Equal(WorkflowStage.Archive, read.Stage);
        Assert.Equal("4711", read.Attributes["kommoLeadId"]!.GetValue<string>());
        Assert.Contains(read.Events, e => e.Event == "workflow_signature_packet_fully_signed");
        Assert.Single(all);
    }

    [Fact]
    public async Task LifecycleCalls_CancelPauseResumeRevert()
    {
        var a = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        var b = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        var paused = await _client.PauseAsync(a);
        var resumed = await _client.ResumeAsync(a);
        await _client.AdvanceAsync(b);
        var reverted = await _client.RevertToReviewAsync(b);
        var cancelled = await _client.CancelAsync(b);

        Assert.Equal("paused", paused.Status);
        Assert.Equal("active", resumed.Status);
        Assert.Equal("Review", reverted.Step);
        Assert.Equal("cancelled", cancelled.Status);
    }

    [Fact]
    public async Task AddDocument_ThenEachSignerSigns_CompletesThePacket()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        var added = await _client.AddDocumentAsync(id, "Exhibit A - Order Form.pdf");
        await _client.AdvanceAsync(id);
        var partly = await _client.SignAsync(id, "Counterparty Signer");
        var complete = await _client.SignAsync(id, "Company Signer");

        Assert.Equal(["MSA - IC-1.pdf", "Exhibit A - Order Form.pdf"], added.Documents.Select(d => d.Filename));
        Assert.Equal(WorkflowStage.Sign, partly.Stage);
        Assert.Equal([SignerStatus.Signed, SignerStatus.Sent], partly.Signers.Select(s => s.Status));
        Assert.Equal(WorkflowStage.Signed, complete.Stage);
        Assert.All(complete.Documents, d => Assert.True(d.Versions[^1].Signed));
    }

    [Fact]
    public async Task RefusedMove_IsAnHttpErrorWithTheStatus()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        await _client.CancelAsync(id);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => _client.AdvanceAsync(id));
        var unknown = await Assert.ThrowsAsync<HttpRequestException>(() => _client.AdvanceAsync("IC-999"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Templates_CanBeReplacedRepublishedAndReset()
    {
        var replaced = await _client.ReplaceTemplatesAsync([new TemplateDefinition("Order Form", [new TemplateAttribute("counterpartyName", AttributeTypes.String, "Counterparty", Required: true)])]);
        var republished = await _client.RepublishTemplateAsync("Order Form");
        var reset = await _client.ResetTemplatesAsync();

        Assert.Equal("Order Form", Assert.Single(replaced).Name);
        Assert.NotEqual(replaced[0].Id, republished.Id);
        Assert.Equal(2, republished.Revision);
        Assert.Equal(["MSA", "NDA", "SOW"], reset.Select(t => t.Name));
    }

    [Fact]
    public async Task Faults_CanBeSetReadAndCleared()
    {
        var set = await _client.SetFaultsAsync(new FaultProfile { ServerErrorRate = 0.5, WebhookDelay = TimeSpan.FromSeconds(1) });
        var read = await _client.FaultsAsync();
        var cleared = await _client.ClearFaultsAsync();

        Assert.Equal(0.5, set.ServerErrorRate);
        Assert.Equal(TimeSpan.FromSeconds(1), read.WebhookDelay);
        Assert.Equal(FaultProfile.None, cleared);
    }

    [Fact]
    public async Task Calls_AreCountedPerEndpoint_AndCanBeReset()
    {
        await _server.LaunchAsync();
        await _server.GetJsonAsync("workflows/IC-1");
        await _server.GetJsonAsync("workflows/IC-1");

        var calls = await _client.CallsAsync();
        await _client.ResetCallsAsync();
        var afterReset = await _client.CallsAsync();

        Assert.Equal(1, calls.ByEndpoint["POST /public/api/v1/workflows"]);
        Assert.Equal(2, calls.ByEndpoint["GET /public/api/v1/workflows/{id}"]);
        Assert.Equal(0, afterReset.Total);
    }

    [Fact]
    public async Task SigningKeyRotation_ChangesTheServedKey()
    {
        var before = _server.Simulator.Control.VerificationKeyPem;

        var rotated = await _client.RotateSigningKeyAsync();

        Assert.NotEqual(before, rotated);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", rotated, StringComparison.Ordinal);
        Assert.Equal(rotated, await _server.Http.GetStringAsync("webhooks/verification-key"));
    }

    [Fact]
    public async Task WebhooksAndAttempts_AreReported()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_launched");
        await _server.LaunchAsync();
        await receiver.WaitForAsync(r => r.Count == 1);

        var webhooks = await _client.WebhooksAsync();
        var attempts = await Eventually.UntilAsync(() => _client.WebhookAttemptsAsync(), a => a.Count == 1, "one delivery attempt to be logged", describe: a => $"{a.Count} attempts");

        Assert.Equal(receiver.Url, Assert.Single(webhooks).TargetUrl);
        Assert.Equal(200, attempts[0].StatusCode);
    }

    [Fact]
    public async Task EmitEvent_SendsAnyEventWithExtraPayload()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_attribute_updated");
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        await _client.EmitEventAsync(id, "workflow_attribute_updated", new JsonObject { ["attributes"] = new JsonArray("kommoLeadId") });
        var webhook = (await receiver.WaitForAsync(r => r.Count == 1))[0];

        Assert.Equal("kommoLeadId", webhook.Json["payload"]!["attributes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Reset_ForgetsEverythingButTheOptions()
    {
        await _server.LaunchAsync();
        await _server.RegisterWebhookAsync(new Uri("https://bridge.example/h"), "*");
        await _client.ReplaceUsersAsync([new IroncladUser("aaaaaaaaaaaaaaaaaaaaaaaa", "other@x.example", "Other")]);

        await _client.ResetAsync();
        var state = await _client.StateAsync();

        Assert.Empty(state.Workflows);
        Assert.Empty(state.Webhooks);
        Assert.Equal(_server.CreatorEmail, state.Users[0].Email);
        Assert.Equal(3, state.Templates.Count);
        Assert.Equal("IC-1", (await _server.LaunchAsync())["ironcladId"]!.GetValue<string>());
    }

    [Fact]
    public void DescribeCredentials_NamesKeyClientCreatorAndTemplates()
    {
        var lines = string.Join("\n", _server.Simulator.DescribeCredentials());

        Assert.Contains(_server.Options.ApiKey, lines, StringComparison.Ordinal);
        Assert.Contains(_server.Options.OAuthClientId, lines, StringComparison.Ordinal);
        Assert.Contains(_server.Options.OAuthClientSecret, lines, StringComparison.Ordinal);
        Assert.Contains(_server.CreatorEmail, lines, StringComparison.Ordinal);
        Assert.Contains("MSA (", lines, StringComparison.Ordinal);
    }
}
