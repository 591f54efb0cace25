using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Triggers;
using ContractBridge.Kommo.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Flows.Edits;

public sealed class KommoEditTriggersTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AnEditedDeal_GetsOneEditSync_DueAfterTheGatheringDelay()
    {
        var webhook = Webhook([Update(11), Update(11), Update(12)]);

        var jobs = Triggers().For(webhook);

        Assert.Equal([JobKinds.LeadKey(11), JobKinds.LeadKey(12)], jobs.Select(j => j.Key));
        Assert.All(jobs, j => Assert.Equal(JobKinds.SyncEdits, j.Kind));
        Assert.All(jobs, j => Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(2), j.NotBefore));
    }

    [Fact]
    public void TheUpdateOfAStageMove_IsTheMove_NotAnEdit()
    {
        var webhook = Webhook([new KommoLeadChange(KommoLeadAction.Status, 11, 142, 5, 3, 3, null), Update(11)]);

        Assert.Empty(Triggers().For(webhook));
    }

    [Fact]
    public void AnEditedContactOrCompany_GetsASearchForItsDeals()
    {
        var webhook = Webhook([]) with
        {
            Entities = [new(KommoEntityType.Contact, KommoLeadAction.Update, 7), new(KommoEntityType.Company, KommoLeadAction.Update, 8), new(KommoEntityType.Contact, KommoLeadAction.Add, 9)],
        };

        var jobs = Triggers().For(webhook);

        Assert.Equal(["contact:7", "company:8"], jobs.Select(j => j.Key));
        Assert.All(jobs, j => Assert.Equal(JobKinds.FindEditedDeals, j.Kind));
    }

    [Fact]
    public void WithoutARuleThatSyncsEdits_NothingIsStarted()
    {
        var webhook = Webhook([Update(11)]) with { Entities = [new(KommoEntityType.Contact, KommoLeadAction.Update, 7)] };

        Assert.Empty(Triggers(syncEdits: false).For(webhook));
    }

    private KommoEditTriggers Triggers(bool syncEdits = true)
    {
        var options = Options.Create(new BridgeOptions { Rules = [new ContractRule { Name = "msa", StageId = 5, SyncEdits = syncEdits }] });
        return new KommoEditTriggers(new RuleBook(options), options, _time);
    }

    private static KommoLeadChange Update(long leadId) => new(KommoLeadAction.Update, leadId, 5, null, 3, null, null);

    private static KommoWebhook Webhook(IReadOnlyList<KommoLeadChange> leads) => new(leads, "acme", null, "kommo:x");
}
