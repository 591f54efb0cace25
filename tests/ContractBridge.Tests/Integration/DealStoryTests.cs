using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Story;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// A deal's story over loopback HTTP: moved in Kommo, launched, signed in Ironclad; its story then lists the webhooks
/// received about it, the jobs they caused (the Ironclad ones found through the workflow's link) and every state its
/// contract took, newest first; and the overview's events name the deal.
/// </summary>
public sealed class DealStoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task MovedLaunchedSigned_TheStoryListsItsEventsJobsAndStatesInOrder()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var other = bridge.Account.AddDeal("Initech");
        var lead = bridge.Account.AddDeal("Stark Industries", price: 120_000);
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "sent for signature");
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Archive);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        var story = bridge.App.Services.GetRequiredService<DealStory>();

        var page = await Eventually.UntilAsync(
            () => story.ReadAsync(lead, DealStoryCursor.Newest, 200, None),
            p => p.States.Count > 0 && p.States[0].State == ContractState.Executed
                && p.Jobs.Any(j => j.Job.Kind == JobKinds.StageMove && j.Job.Status == JobStatus.Succeeded),
            "the story of the signed deal, its move to Closed-Won done",
            describe: p => string.Join(", ", p.Jobs.Select(j => $"{j.Job.Kind} {j.Job.Status}")));

        Assert.Equal("Stark Industries", page.DealName);
        var contract = Assert.Single(page.Contracts);
        Assert.Equal((workflow.Id, ContractState.Executed), (contract.Link.WorkflowId, contract.Link.State));
        Assert.EndsWith($"/workflows/{workflow.Id}", contract.WorkflowUrl, StringComparison.Ordinal);

        // States, oldest first: reserved, launched, out for signature, signed.
        var states = page.States.Reverse().Select(s => s.State).ToList();
        Assert.Equal(ContractState.Launching, states[0]);
        Assert.Equal(ContractState.Executed, states[^1]);
        Assert.True(states.IndexOf(ContractState.Created) < states.IndexOf(ContractState.Signature), string.Join(" → ", states));
        Assert.Equal(page.States.Select(s => s.Id).OrderDescending(), page.States.Select(s => s.Id));
        Assert.All(page.States.Skip(1).Zip(page.States), pair => Assert.True(pair.First.RecordedAt <= pair.Second.RecordedAt));

        // Jobs, newest first: the launch the move caused is the oldest; syncs came of Ironclad's webhooks by the workflow.
        Assert.Equal(page.Jobs.Select(j => j.Job.Id).OrderDescending(), page.Jobs.Select(j => j.Job.Id));
        var launch = page.Jobs[^1];
        Assert.Equal(JobKinds.Launch, launch.Job.Kind);
        Assert.Equal(JobKinds.LeadKey(lead), launch.Job.Subject);
        Assert.NotNull(launch.Job.EventId);
        Assert.Contains(page.Jobs, j => j.Job.Kind == JobKinds.Sync && j.Job.Subject == JobKinds.WorkflowKey(workflow.Id) && j.Job.EventId is not null);
        Assert.Contains(page.Jobs, j => j.Job.Kind == JobKinds.Note && j.Description == "Write a note on the deal");
        Assert.Contains(page.Jobs, j => j.Job.Kind == JobKinds.StageMove);
        Assert.DoesNotContain(page.Jobs, j => j.Job.Subject == JobKinds.LeadKey(other));

        // Events: exactly those that stored the story's jobs, newest first, the deal's move in Kommo the oldest.
        Assert.Equal(page.Jobs.Where(j => j.Job.EventId is not null).Select(j => j.Job.EventId!.Value).Distinct().OrderDescending(), page.Events.Select(e => e.Id));
        Assert.Equal("kommo", page.Events[^1].Source);
        Assert.Equal(launch.Job.EventId, page.Events[^1].Id);
        Assert.Contains(page.Events, e => e.Source == "ironclad");

        var overview = await bridge.App.Services.GetRequiredService<EventDeals>().ListRecentAsync(100, None);
        Assert.All(overview.Where(e => page.Events.Any(s => s.Id == e.Event.Id)), e => Assert.Equal([new DealRef(lead, "Stark Industries")], e.Deals));
    }

    [Fact]
    public async Task Story_PagesEachListByItsCursor()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Globex");
        await LifecycleSteps.LaunchAsync(bridge, lead);
        var story = bridge.App.Services.GetRequiredService<DealStory>();
        await Eventually.UntilAsync(
            () => story.ReadAsync(lead, DealStoryCursor.Newest, 200, None),
            p => p.Jobs.Count >= 2 && p.States.Count >= 2,
            "two jobs and two states");

        var first = await story.ReadAsync(lead, DealStoryCursor.Newest, 1, None);
        var second = await story.ReadAsync(lead, new DealStoryCursor(first.StatesBefore!.Value, first.JobsBefore!.Value, first.EventsBefore ?? long.MaxValue), 1, None);
        // Read after the pages: the deal's work may go on meanwhile, but only ever adds newer rows above them.
        var whole = await story.ReadAsync(lead, DealStoryCursor.Newest, 200, None);

        var jobIds = whole.Jobs.Select(j => j.Job.Id).ToList();
        Assert.Equal(jobIds[jobIds.IndexOf(Assert.Single(first.Jobs).Job.Id) + 1], Assert.Single(second.Jobs).Job.Id);
        var stateIds = whole.States.Select(s => s.Id).ToList();
        Assert.Equal(stateIds[stateIds.IndexOf(Assert.Single(first.States).Id) + 1], Assert.Single(second.States).Id);
    }
}
