using ContractBridge.Configuration;
using ContractBridge.Flows.Writeback;

namespace ContractBridge.Tests.Flows.Writeback;

public sealed class BridgeOwnedFieldsTests
{
    [Fact]
    public void TheWritebackFields_AreLeftOutOfTheDeal_ByIdAndByCode_AndTheRepsFieldsStay()
    {
        var deal = DealBuilder.Deal(leadFields: [DealBuilder.Field(80001, null, "IC-12"), DealBuilder.Field(80002, "CONTRACT_URL", "https://ic.example"), DealBuilder.Field(648211, "LEGAL_ENTITY", "Acme GmbH")]);

        var seen = BridgeOwnedFields.Without(deal, new WritebackOptions { ContractNumber = "80001", ContractUrl = "contract_url" });

        Assert.Equal([648211L], seen.Lead.CustomFieldsValues!.Select(f => f.FieldId));
        Assert.Equal(3, deal.Lead.CustomFieldsValues!.Count);
    }

    [Fact]
    public void WithNothingConfigured_TheDealIsAsRead()
    {
        var deal = DealBuilder.Deal(leadFields: [DealBuilder.Field(80001, null, "IC-12")]);

        Assert.Same(deal, BridgeOwnedFields.Without(deal, new WritebackOptions()));
    }
}
