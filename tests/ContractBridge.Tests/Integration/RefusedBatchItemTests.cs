using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

/// <summary>
/// The running bridge, with its job engine and rate limiter: jobs written together to Kommo, one of them bad. The bad
/// one ends with Kommo's reason (a dead letter, or for a move a note on the deal); the others are written once.
/// </summary>
public sealed class RefusedBatchItemTests
{
    private const string Signed = "Ironclad: contract IC-9 was signed (executed).";

    [Fact]
    public async Task NotesForThreeDeals_OneDeletedMeanwhile_TheOthersAreWrittenOnce_AndTheBadOneIsADeadLetterWithKommosReason()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        long[] leads = [bridge.Account.AddDeal("Acme"), bridge.Account.AddDeal("Blue"), bridge.Account.AddDeal("Cyan")];
        bridge.Kommo.Control.DeleteLead(leads[1]);

        await EnqueueAndWaitAsync(bridge, [.. leads.Select(lead => new NoteRequest(lead, Signed).ToJob())]);

        var dead = Assert.Single(await bridge.Store.ListAsync(JobStatus.Dead, 10, CancellationToken.None));
        Assert.Equal((JobKinds.Note, JobKinds.LeadKey(leads[1])), (dead.Kind, dead.Key));
        Assert.Equal($"Kommo refused the note on lead {leads[1]}: entity_id: Lead {leads[1]} not found (NotFound)", dead.LastError);
        Assert.Single(LifecycleSteps.Notes(bridge, leads[0]), n => n.Text == Signed);
        Assert.Single(LifecycleSteps.Notes(bridge, leads[2]), n => n.Text == Signed);
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task TasksForThreeDeals_OneOfATypeTheAccountLacks_TheOthersAreCreatedOnce_AndTheBadOneIsADeadLetterWithKommosReason()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        long[] leads = [bridge.Account.AddDeal("Acme"), bridge.Account.AddDeal("Blue"), bridge.Account.AddDeal("Cyan")];
        var due = DateTimeOffset.UtcNow.AddDays(3).ToUnixTimeSeconds();

        await EnqueueAndWaitAsync(bridge, [.. leads.Select(lead => new TaskRequest(lead, "Chase the signature", due, lead == leads[1] ? 77 : 1).ToJob())]);

        var dead = Assert.Single(await bridge.Store.ListAsync(JobStatus.Dead, 10, CancellationToken.None));
        Assert.Equal((JobKinds.Task, JobKinds.LeadKey(leads[1])), (dead.Kind, dead.Key));
        Assert.Equal(
            $"Kommo refused the task on lead {leads[1]}: task_type_id: The value you selected is not a valid choice. (NotSupportedChoice)",
            dead.LastError);
        Assert.Single(bridge.Kommo.Control.GetLead(leads[0])!.Tasks);
        Assert.Single(bridge.Kommo.Control.GetLead(leads[2])!.Tasks);
        Assert.Empty(bridge.Kommo.Control.GetLead(leads[1])!.Tasks);
        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task MovesOfThreeDeals_OneToAStageItsPipelineLacks_TheOthersMove_AndTheBadOnesNoteSaysWhyItDidNot()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        long[] leads = [bridge.Account.AddDeal("Acme"), bridge.Account.AddDeal("Blue"), bridge.Account.AddDeal("Cyan")];
        var elsewhere = bridge.Account.Partners.StatusId("Intro");

        await EnqueueAndWaitAsync(bridge, [.. leads.Select(lead => new StageMoveRequest(
            lead, lead == leads[1] ? elsewhere : KommoStatuses.ClosedWon, null, null, null, Signed, string.Empty).ToJob())]);

        Assert.Empty(await bridge.Store.ListAsync(JobStatus.Dead, 10, CancellationToken.None));
        var refused = Assert.Single(LifecycleSteps.Notes(bridge, leads[1]));
        Assert.Equal(
            $"{Signed} The deal was not moved: Kommo refused to move it to 'stage {elsewhere}' (status_id: The value you selected is not a valid choice. (NotSupportedChoice)); move it by hand if it belongs there.",
            refused.Text);
        Assert.Equal(bridge.Account.Negotiation, bridge.Kommo.Control.GetLead(leads[1])!.StatusId);
        foreach (var lead in new[] { leads[0], leads[2] })
        {
            Assert.Equal(KommoStatuses.ClosedWon, bridge.Kommo.Control.GetLead(lead)!.StatusId);
            Assert.StartsWith($"{Signed} The deal moved to '", Assert.Single(LifecycleSteps.Notes(bridge, lead)).Text, StringComparison.Ordinal);
        }

        Assert.Equal(0, bridge.Kommo.Control.Calls.TooManyRequests);
    }

    /// <summary>Stores the jobs together, as a sync that plans them does, and waits until the bridge has run them all.</summary>
    private static async Task EnqueueAndWaitAsync(BridgeHarness bridge, IReadOnlyList<NewJob> jobs)
    {
        await bridge.Store.EnqueueAsync(jobs, DateTimeOffset.UtcNow, CancellationToken.None);
        await Eventually.TrueAsync(
            async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 },
            "the bridge to run the jobs",
            explain: bridge.Explain);
    }
}
