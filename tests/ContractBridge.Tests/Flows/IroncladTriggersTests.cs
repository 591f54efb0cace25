using ContractBridge.Engine.Jobs;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Triggers;
using ContractBridge.Ironclad.Webhooks;
using ContractBridge.Simulators.Ironclad.Webhooks;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Flows;

public sealed class IroncladTriggersTests
{
    private const string WorkflowId = "611f0000000000000000aaaa";

    [Theory]
    [PayloadFiles("ironclad")]
    public void RecordedEnvelope_StartsASyncOfItsWorkflow_OnlyWhenItIsAStateEvent_AndARelay_OnlyWhenItIsActivity(string fileName)
    {
        var webhook = Parse(fileName);

        NewJob[] expected = IroncladTriggers.StateEvents.Contains(webhook.EventName) ? [new SyncRequest(WorkflowId, webhook.EventName).ToJob()]
            : IroncladTriggers.ActivityEvents.TryGetValue(webhook.EventName, out var feed) ? [new ActivityRelayRequest(WorkflowId, feed).ToJob()]
            : [];

        var work = IroncladTriggers.For(webhook);

        Assert.Equal($"{webhook.EventName} {WorkflowId}", work.Summary);
        Assert.Equal(expected, work.Jobs);
    }

    [Theory]
    [InlineData("workflow_launched.json")]
    [InlineData("workflow_step_updated.json")]
    [InlineData("workflow_signature_packet_sent.json")]
    [InlineData("workflow_signature_packet_fully_signed.json")]
    [InlineData("workflow_completed.json")]
    [InlineData("workflow_cancelled.json")]
    [InlineData("workflow_paused.json")]
    public void ChangeOfStepOrStatus_StartsASync(string fileName) =>
        Assert.Single(IroncladTriggers.For(Parse(fileName)).Jobs);

    [Theory]
    [InlineData("workflow_updated.json")]
    public void EventThatFollowsAChange_IsOnlyStored(string fileName) =>
        Assert.Empty(IroncladTriggers.For(Parse(fileName)).Jobs);

    [Theory]
    [InlineData("workflow_comment_added.json", ActivityFeed.Comments)]
    [InlineData("workflow_approval_status_changed.json", ActivityFeed.Approvals)]
    [InlineData("workflow_changed_turn.json", ActivityFeed.Turns)]
    public void ActivityEvent_StartsARelayOfItsList_KeyedByTheWorkflow(string fileName, ActivityFeed feed)
    {
        var job = Assert.Single(IroncladTriggers.For(Parse(fileName)).Jobs);

        Assert.Equal(new ActivityRelayRequest(WorkflowId, feed).ToJob(), job);
        Assert.Equal(JobKinds.WorkflowKey(WorkflowId), job.Key);
    }

    [Fact]
    public void TheBridgeRegistersForEveryEventItActsOn()
    {
        Assert.Subset(WebhookRegistrar.IroncladEvents.ToHashSet(StringComparer.Ordinal), IroncladTriggers.StateEvents.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(WebhookRegistrar.IroncladEvents.ToHashSet(StringComparer.Ordinal), IroncladTriggers.ActivityEvents.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(WebhookEvents.Known.ToHashSet(StringComparer.Ordinal), WebhookRegistrar.IroncladEvents.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void EnvelopeNamingNoWorkflow_StartsNothing()
    {
        var webhook = new IroncladWebhook("workflow_completed", null, null, "ironclad:e", IroncladWebhookDialect.Envelope);

        var work = IroncladTriggers.For(webhook);

        Assert.Equal("workflow_completed", work.Summary);
        Assert.Empty(work.Jobs);
    }

    [Theory]
    [InlineData("created.json", "workflow.state.changed")]
    [InlineData("review.json", "workflow.state.changed")]
    [InlineData("signature.json", "workflow.state.changed")]
    [InlineData("executed.json", "workflow_signature_packet_fully_signed")]
    [InlineData("cancelled.json", "workflow.state.changed")]
    public void SeedStateChange_StartsASync_AndExecutedIsPassedOnAsFullySigned(string fileName, string syncEvent)
    {
        var payload = Payload.Read("ironclad-seed", fileName);
        var webhook = IroncladWebhookParser.ParseSeed(payload.Body).Webhook!;

        var work = IroncladTriggers.For(webhook);

        Assert.Equal($"workflow.state.changed {WorkflowId} {webhook.Status}", work.Summary);
        Assert.Equal(new SyncRequest(WorkflowId, syncEvent).ToJob(), Assert.Single(work.Jobs));
    }

    [Fact]
    public void SeedBodyWithAnotherEvent_StartsNothing()
    {
        var webhook = new IroncladWebhook("workflow.comment.added", WorkflowId, "EXECUTED", "ironclad-seed:x", IroncladWebhookDialect.Seed);

        Assert.Empty(IroncladTriggers.For(webhook).Jobs);
    }

    [Fact]
    public void EveryStateEvent_IsAnEventIroncladSends() =>
        Assert.Subset(WebhookEvents.Known.ToHashSet(StringComparer.Ordinal), IroncladTriggers.StateEvents.ToHashSet(StringComparer.Ordinal));

    private static IroncladWebhook Parse(string fileName)
    {
        var parsed = IroncladWebhookParser.ParseEnvelope(Payload.Read("ironclad", fileName).Body, "webhookEvent1");
        Assert.True(parsed.Succeeded, parsed.Error);
        return parsed.Webhook;
    }
}
