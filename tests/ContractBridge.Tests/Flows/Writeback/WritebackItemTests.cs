using System.Text.Json;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Writeback;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Tests.Flows.Writeback;

/// <summary>One deal's writeback as one lead PATCH item: the facts it carries, in the fields the settings name, and the state's tags.</summary>
public sealed class WritebackItemTests
{
    private static readonly WritebackFields Fields = new(
        [
            new KommoCustomField(80001, "Contract no.", "text", null, null),
            new KommoCustomField(80002, "Contract link", "url", "CONTRACT_URL", null),
            new KommoCustomField(80003, "Contract state", "select", null, [new KommoCustomFieldEnum(901, "In review", 1), new KommoCustomFieldEnum(902, "Signature", 2)]),
            new KommoCustomField(80004, "Signed", "date", null, null),
        ],
        TimeZoneInfo.Utc);

    [Fact]
    public void Launch_WritesTheNumberAndLink_ByIdAndByCode()
    {
        var options = new WritebackOptions { ContractNumber = "80001", ContractUrl = "contract_url" };

        var item = WritebackItem.Build(new WritebackRequest(7, "IC-12", "https://ic.example/workflows/wf1", ContractState.Created), options, Fields, "r1");

        var update = item.Update!;
        Assert.Equal((7, "r1", (long?)null, (long?)null), (update.Id, update.RequestId, update.StatusId, update.PipelineId));
        Assert.Equal([80001L, 80002L], update.CustomFieldsValues!.Select(f => f.FieldId));
        Assert.Equal("\"IC-12\"", JsonSerializer.Serialize(update.CustomFieldsValues![0].Values[0].Value));
        Assert.Empty(item.Problems);
        Assert.Null(update.TagsToAdd);
    }

    [Fact]
    public void AFactTheRequestDoesNotCarry_IsNotTouched()
    {
        var options = new WritebackOptions { ContractNumber = "80001", SignedDate = "80004", ExpirationDate = "80001x" };

        var item = WritebackItem.Build(new WritebackRequest(7, SignedAt: new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero)), options, Fields, "r1");

        Assert.Equal([80004L], item.Update!.CustomFieldsValues!.Select(f => f.FieldId));
        Assert.Empty(item.Problems);
    }

    [Fact]
    public void TheStateLabel_IsConfigurable_AndAStateWithoutAnOptionLeavesTheFieldAlone()
    {
        var options = new WritebackOptions { ContractState = "80003", StateLabels = { ["review"] = "In review" } };

        var review = WritebackItem.Build(new WritebackRequest(7, State: ContractState.Review), options, Fields, "r1");
        var executed = WritebackItem.Build(new WritebackRequest(7, State: ContractState.Executed), options, Fields, "r2");

        Assert.Equal(901, review.Update!.CustomFieldsValues!.Single().Values.Single().EnumId);
        Assert.Null(executed.Update);
        Assert.Empty(executed.Problems);
        Assert.Contains("no option 'Executed'", Assert.Single(executed.LeftAlone), StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldKommoDoesNotHave_IsAProblem_AndTheRestIsWritten()
    {
        var options = new WritebackOptions { ContractNumber = "80001", ContractUrl = "NO_SUCH_FIELD" };

        var item = WritebackItem.Build(new WritebackRequest(7, "IC-12", "https://ic.example/workflows/wf1"), options, Fields, "r1");

        Assert.Equal([80001L], item.Update!.CustomFieldsValues!.Select(f => f.FieldId));
        Assert.True(item.MissedAField);
        Assert.Contains("Writeback:ContractUrl names the field 'NO_SUCH_FIELD'", Assert.Single(item.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void AState_AddsItsTags_AndRemovesTheOtherStatesTags()
    {
        var options = new WritebackOptions { Tags = { ["Signature"] = "contract-out", ["executed"] = "contract-signed, won", ["Cancelled"] = "won" } };

        var item = WritebackItem.Build(new WritebackRequest(7, State: ContractState.Executed), options, Fields, "r1");

        Assert.Equal(["contract-signed", "won"], item.Update!.TagsToAdd!.Select(t => t.Name));
        Assert.Equal(["contract-out"], item.Update.TagsToDelete!.Select(t => t.Name));
        Assert.Null(item.Update.CustomFieldsValues);
    }

    [Fact]
    public void NoStateInTheRequest_TouchesNoTag()
    {
        var options = new WritebackOptions { Tags = { ["Executed"] = "contract-signed" } };

        var item = WritebackItem.Build(new WritebackRequest(7, ExpirationDate: new DateOnly(2027, 1, 1)), options, Fields, "r1");

        Assert.Null(item.Update);
    }

    [Fact]
    public void KommosReasons_NameTheSettingOfEachField()
    {
        var options = new WritebackOptions { ContractNumber = "80001", ContractState = "80003" };
        var item = WritebackItem.Build(new WritebackRequest(7, "IC-1", State: ContractState.Signature), options, Fields, "r1");

        var text = item.Describe(new RefusedBatchItem("r1", [new BatchItemError("NotSupportedChoice", "custom_fields_values.1.field_id", "The value you selected is not a valid choice.")]));

        Assert.Equal("custom_fields_values.1.field_id: The value you selected is not a valid choice. (NotSupportedChoice) [Writeback:ContractState (field 80003)]", text);
    }
}
