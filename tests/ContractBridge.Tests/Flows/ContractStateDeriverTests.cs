using ContractBridge.Contracts;
using ContractBridge.Flows.Sync;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Tests.Flows;

public sealed class ContractStateDeriverTests
{
    [Theory]
    [InlineData("Create", "active", null, null, ContractState.Draft, false)]
    [InlineData("Review", "active", null, null, ContractState.Review, false)]
    [InlineData("Sign", "active", "in_progress", "workflow_signature_packet_sent", ContractState.Signature, false)]
    [InlineData("Sign", "active", "complete", null, ContractState.Executed, false)]
    [InlineData("Sign", "active", "in_progress", "workflow_signature_packet_fully_signed", ContractState.Executed, false)]
    [InlineData("Archive", "active", "complete", null, ContractState.Executed, false)]
    [InlineData("Complete", "completed", null, null, ContractState.Executed, false)]
    [InlineData("Review", "cancelled", null, "workflow_cancelled", ContractState.Cancelled, false)]
    [InlineData("Sign", "paused", "in_progress", "workflow_paused", ContractState.Signature, true)]
    [InlineData(null, "active", null, "workflow_launched", ContractState.Created, false)]
    public void Derive_MapsStepStatusAndEvent(string? step, string status, string? signatures, string? eventName, ContractState expected, bool paused)
    {
        var workflow = new IroncladWorkflow("wf", "IC-1", "t", "tpl", step, status, null, null, null, signatures is null ? null : new IroncladSignatures(signatures));

        var derived = ContractStateDeriver.Derive(workflow, eventName);

        Assert.Equal(new DerivedState(expected, paused), derived);
    }
}
