using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Triggers;
using ContractBridge.Kommo.Webhooks;
using ContractBridge.Tests.Support;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Flows;

public sealed class KommoTriggersTests
{
    private readonly KommoTriggers _triggers = new(Rules(
        new ContractRule { Name = "msa", PipelineId = 7815243, StageId = 61524398, Template = "MSA" },
        new ContractRule { Name = "won", StageId = 142, Template = "NDA" }));

    [Theory]
    [InlineData("status_lead.form.txt", "lead 10701093 status → stage 142; 1 launch(es)", 10701093L)]
    [InlineData("status_lead.with_update.form.txt", "lead 20184012 status → stage 61524398, lead 20184012 update → stage 61524398; 1 launch(es)", 20184012L)]
    [InlineData("status_lead.several.form.txt", "lead 20184013 status → stage 61524398, lead 20184014 status → stage 61524398, lead 20184015 status → stage 61524398; 3 launch(es)", 20184013L, 20184014L, 20184015L)]
    [InlineData("add_lead.form.txt", "lead 20184011 add → stage 61524398; 1 launch(es)", 20184011L)]
    [InlineData("update_lead.form.txt", "lead 20184016 update → stage 61524395")]
    [InlineData("digital_pipeline.form.txt", "lead 20184017 status → stage 61524398; 1 launch(es)", 20184017L)]
    [InlineData("digital_pipeline.json", "lead 11 status → stage 55")]
    public void RecordedPayload_LaunchesEachDealThatEnteredARuleStage_Once(string fileName, string summary, params long[] launched)
    {
        var webhook = Parse(fileName);

        var work = _triggers.For(webhook);

        Assert.Equal(summary, work.Summary);
        Assert.All(work.Jobs, j => Assert.Equal(JobKinds.Launch, j.Kind));
        Assert.Equal(launched.Select(JobKinds.LeadKey), work.Jobs.Select(j => j.Key));
    }

    [Theory]
    [PayloadFiles("kommo")]
    public void RecordedPayload_WithNoRuleForItsStage_StartsNothing(string fileName)
    {
        var webhook = Parse(fileName);

        var work = new KommoTriggers(Rules(new ContractRule { Name = "elsewhere", PipelineId = 1, StageId = 1 })).For(webhook);

        Assert.Empty(work.Jobs);
        Assert.StartsWith($"lead {webhook.Leads[0].LeadId} ", work.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("launch", work.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_CarriesTheRuleTheStageAndTheAction()
    {
        var work = _triggers.For(Parse("status_lead.form.txt"));

        // And when the deal entered the stage (the webhook's last_modified), so a late webhook is told from a new entry.
        Assert.Equal(new LaunchRequest(10701093, "won", 9217056, 142, "status", EnteredAt: 1539782664).ToJob(), Assert.Single(work.Jobs));
    }

    [Fact]
    public void MoreThanFiveLeads_AreSummarisedAsTheFirstFiveAndACount()
    {
        var leads = Enumerable.Range(1, 7).Select(i => new KommoLeadChange(KommoLeadAction.Status, i, 9, 8, 3, 3, null)).ToList();

        var work = _triggers.For(new KommoWebhook(leads, "acme", null, "kommo:x"));

        Assert.Equal("lead 1 status → stage 9, lead 2 status → stage 9, lead 3 status → stage 9, lead 4 status → stage 9, lead 5 status → stage 9 and 2 more", work.Summary);
    }

    [Fact]
    public void BodyWithoutLeads_StartsNothing_AndSaysSo()
    {
        var work = _triggers.For(new KommoWebhook([], "acme", null, "kommo:x"));

        Assert.Equal("no lead changes", work.Summary);
        Assert.Empty(work.Jobs);
    }

    private static KommoWebhook Parse(string fileName)
    {
        var payload = Payload.Read("kommo", fileName);
        var parsed = KommoWebhookParser.Parse(payload.ContentType, payload.Body);
        Assert.True(parsed.Succeeded, parsed.Error);
        return parsed.Webhook;
    }

    private static RuleBook Rules(params ContractRule[] rules) => new(Options.Create(new BridgeOptions { Rules = [.. rules] }));
}
