using System.Text;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Triggers;
using ContractBridge.Ironclad.Webhooks;

namespace ContractBridge.Tests.Flows.Renewals;

/// <summary>record_contract_status_changed names a record, not a workflow: it starts a read of that record.</summary>
public sealed class RecordEventTriggerTests
{
    private const string RecordId = "22e2ff72-56a1-4711-a4ca-41328d311e9f";

    [Fact]
    public void RecordStatusChanged_StartsAReadOfItsRecord()
    {
        var parsed = IroncladWebhookParser.ParseEnvelope(Body($$"""{"companyID":"c1","payload":{"event":"record_contract_status_changed","recordID":"{{RecordId}}"},"timestamp":"2026-11-27T12:00:00.000Z","webhookID":"w1"}"""), "evt-1");

        var work = IroncladTriggers.For(parsed.Webhook!);

        Assert.Equal(RecordId, parsed.Webhook!.RecordId);
        Assert.Null(parsed.Webhook.WorkflowId);
        Assert.Equal([new RecordChangedRequest(RecordId).ToJob()], work.Jobs);
        Assert.Equal($"record:{RecordId}", work.Jobs[0].Key);
    }

    [Fact]
    public void RecordEvent_WithABadOrMissingRecordId_StartsNothing()
    {
        Assert.False(IroncladWebhookParser.ParseEnvelope(Body("""{"payload":{"event":"record_contract_status_changed","recordID":"../x"}}"""), "evt-2").Succeeded);
        var missing = IroncladWebhookParser.ParseEnvelope(Body("""{"payload":{"event":"record_contract_status_changed"}}"""), "evt-3");
        Assert.Empty(IroncladTriggers.For(missing.Webhook!).Jobs);
    }

    [Fact]
    public void TheBridgeRegistersForRecordStatusChanges()
    {
        Assert.Contains(IroncladWebhookEvents.RecordContractStatusChanged, ContractBridge.Flows.WebhookRegistrar.IroncladEvents);
    }

    private static ReadOnlyMemory<byte> Body(string json) => Encoding.UTF8.GetBytes(json);
}
