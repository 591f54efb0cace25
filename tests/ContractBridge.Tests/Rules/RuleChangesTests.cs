using ContractBridge.Configuration;
using ContractBridge.Rules;

namespace ContractBridge.Tests.Rules;

/// <summary>The history's summary of a version: each setting that changed, old → new; a rule round-trips its JSON whole.</summary>
public sealed class RuleChangesTests
{
    [Fact]
    public void ASummary_NamesEachChangedSetting_WithItsOldAndNewValue()
    {
        var before = new ContractRule { Name = "nda", StageId = 11, Template = "NDA" };
        var after = new ContractRule { Name = "nda", StageId = 11, Template = "NDA", SyncEdits = false, Mapping = new() { ["counterpartyName"] = "company.name" } };
        after.OnDealLost.Action = DealLostAction.Cancel;

        var summary = RuleChanges.Describe(RuleJson.Write(before), RuleJson.Write(after));

        Assert.Equal("Mapping.counterpartyName: (none) → \"company.name\"; OnDealLost.Action: \"None\" → \"Cancel\"; SyncEdits: true → false", summary);
        Assert.Equal("no change", RuleChanges.Describe(RuleJson.Write(before), RuleJson.Write(before)));
    }

    [Fact]
    public void ARule_RoundTripsItsJson()
    {
        var rule = new ContractRule { Name = "nda", PipelineId = 7, StageId = 11, Template = "NDA", Currency = "EUR" };
        rule.Nudge.After = TimeSpan.FromHours(36);
        rule.OnCancelled.MoveToStageId = 143;

        var read = RuleJson.Read(RuleJson.Write(rule));

        Assert.Equal(RuleJson.Write(rule), RuleJson.Write(read));
        Assert.Equal((TimeSpan.FromHours(36), 143L, "EUR"), (read.Nudge.After, read.OnCancelled.MoveToStageId, read.Currency));
    }
}
