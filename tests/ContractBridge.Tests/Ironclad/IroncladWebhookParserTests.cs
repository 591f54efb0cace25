using System.Security.Cryptography;
using System.Text;
using ContractBridge.Ironclad.Webhooks;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Ironclad;

public sealed class IroncladWebhookParserTests
{
    private const string EventId = "webhookEvent0123456789abcdef0123456789abcdef";
    private const string WorkflowId = "611f0000000000000000aaaa";

    [Theory]
    [PayloadFiles("ironclad")]
    public void RecordedEnvelope_ParsesItsEventAndWorkflow_DedupedByTheEventId(string fileName)
    {
        var payload = Payload.Read("ironclad", fileName);

        var result = IroncladWebhookParser.ParseEnvelope(payload.Body, EventId);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new IroncladWebhook(payload.Event, WorkflowId, null, "ironclad:" + EventId, IroncladWebhookDialect.Envelope), result.Webhook);
    }

    [Theory]
    [PayloadFiles("ironclad-seed")]
    public void RecordedSeedBody_ParsesItsStatus_DedupedByTheBodyHash(string fileName)
    {
        var payload = Payload.Read("ironclad-seed", fileName);

        var result = IroncladWebhookParser.ParseSeed(payload.Body);

        Assert.True(result.Succeeded, result.Error);
        var expected = new IroncladWebhook(
            IroncladWebhookEvents.SeedStateChanged,
            WorkflowId,
            payload.Event.ToUpperInvariant(),
            "ironclad-seed:" + Convert.ToHexStringLower(SHA256.HashData(payload.Body)),
            IroncladWebhookDialect.Seed);
        Assert.Equal(expected, result.Webhook);
    }

    [Fact]
    public void EnvelopeWithACamelCaseWorkflowId_IsRead()
    {
        var result = IroncladWebhookParser.ParseEnvelope(Utf8("{\"payload\":{\"event\":\"workflow_completed\",\"workflowId\":\"IC-123\"}}"), EventId);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("IC-123", result.Webhook.WorkflowId);
    }

    [Theory]
    [InlineData("{\"payload\":{\"event\":\"record_contract_status_changed\",\"recordID\":\"r-1\"}}")]
    [InlineData("{\"payload\":{\"event\":\"workflow_completed\",\"workflowID\":611}}")]
    public void EnvelopeNamingNoWorkflow_ParsesWithoutOne(string body)
    {
        var result = IroncladWebhookParser.ParseEnvelope(Utf8(body), EventId);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Webhook.WorkflowId);
    }

    [Theory]
    [InlineData("[1]", "no \"payload\" object")]
    [InlineData("{\"companyID\":\"605b\"}", "no \"payload\" object")]
    [InlineData("{\"payload\":\"workflow_completed\"}", "no \"payload\" object")]
    [InlineData("{\"payload\":{\"workflowID\":\"611f\"}}", "payload.event is missing")]
    [InlineData("{\"payload\":{\"event\":7,\"workflowID\":\"611f\"}}", "payload.event is missing")]
    [InlineData("{\"payload\":{\"event\":\"workflow_completed\",\"workflowID\":\"\"}}", "not a workflow id")]
    [InlineData("{\"payload\":{\"event\":\"workflow_completed\",\"workflowID\":\"../../admin\"}}", "not a workflow id")]
    [InlineData("{\"payload\":{\"event\":\"workflow_completed\",\"workflowID\":\"611f 0\"}}", "not a workflow id")]
    [InlineData("{\"payload\":{\"event\":\"workflow_completed\",\"workflowID\":\"611f\\u0000\"}}", "not a workflow id")]
    [InlineData("{\"payload\":{\"event\":\"workflow_completed\",\"workflowID\":\"611f%2F..\"}}", "not a workflow id")]
    [InlineData("{\"payload\":", "not valid JSON")]
    public void MalformedEnvelope_FailsWithAMessageSayingWhatIsWrong(string body, string expected)
    {
        var result = IroncladWebhookParser.ParseEnvelope(Utf8(body), EventId);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkflowIdLongerThan64Characters_IsRefused()
    {
        var body = $"{{\"payload\":{{\"event\":\"workflow_completed\",\"workflowID\":\"{new string('a', 65)}\"}}}}";

        var result = IroncladWebhookParser.ParseEnvelope(Utf8(body), EventId);

        Assert.False(result.Succeeded);
        Assert.Contains("not a workflow id", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"workflowId\":\"611f\",\"workflowStatus\":\"EXECUTED\"}", "needs \"event\" and a valid \"workflowId\"")]
    [InlineData("{\"event\":\"workflow.state.changed\",\"workflowStatus\":\"EXECUTED\"}", "needs \"event\" and a valid \"workflowId\"")]
    [InlineData("{\"event\":\"workflow.state.changed\",\"workflowId\":\"../611f\"}", "needs \"event\" and a valid \"workflowId\"")]
    [InlineData("{\"event\":\"workflow.state.changed\",\"workflowID\":\"611f\"}", "needs \"event\" and a valid \"workflowId\"")]
    [InlineData("{\"event\":", "not valid JSON")]
    public void MalformedSeedBody_FailsWithAMessageSayingWhatIsWrong(string body, string expected)
    {
        var result = IroncladWebhookParser.ParseSeed(Utf8(body));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedBodyWithoutAStatus_ParsesWithoutOne()
    {
        var result = IroncladWebhookParser.ParseSeed(Utf8("{\"event\":\"workflow.state.changed\",\"workflowId\":\"611f\"}"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Webhook.Status);
    }

    [Fact]
    public void InvalidUtf8InAString_IsRefused_InBothDialects()
    {
        byte[] seed = [.. "{\"event\":\"workflow.state.changed\",\"workflowId\":\"wf"u8, 0xC0, 0xAF, .. "\",\"workflowStatus\":\"EXECUTED\"}"u8];
        byte[] envelope = [.. "{\"payload\":{\"event\":\"workflow_completed\",\"workflowID\":\"611f\",\"note\":\""u8, 0xFF, .. "\"}}"u8];

        var seedResult = IroncladWebhookParser.ParseSeed(seed);
        var envelopeResult = IroncladWebhookParser.ParseEnvelope(envelope, EventId);

        Assert.Equal("The body is not valid UTF-8.", seedResult.Error);
        Assert.Equal("The body is not valid UTF-8.", envelopeResult.Error);
    }

    [Fact]
    public void SeedBodies_AreDedupedByTheirBytes()
    {
        var executed = Payload.Read("ironclad-seed", "executed.json");
        var cancelled = Payload.Read("ironclad-seed", "cancelled.json");

        var first = IroncladWebhookParser.ParseSeed(executed.Body);
        var again = IroncladWebhookParser.ParseSeed(executed.Body.ToArray());
        var other = IroncladWebhookParser.ParseSeed(cancelled.Body);

        Assert.Equal(first.Webhook!.DedupeKey, again.Webhook!.DedupeKey);
        Assert.NotEqual(first.Webhook.DedupeKey, other.Webhook!.DedupeKey);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
