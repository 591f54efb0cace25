using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Sqlite;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Launch;
using ContractBridge.Ironclad.Api;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Flows.Launch;

/// <summary>The launch's reservations against a real SQLite store, with real jobs owning them.</summary>
public sealed class LaunchReservationsTests : IAsyncLifetime
{
    private const string Owner = "test-worker";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ContractRule Rule = new() { Name = "msa", Template = "MSA" };
    private static readonly LaunchRequest Request = new(101, "msa", 1001, 2001, "stage");
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cb-reservations-");
    private readonly FakeTimeProvider _time = new(Now);
    // Opened and disposed around each test by IAsyncLifetime.
    private SqliteBridgeStore Store { get; set; } = null!;
    private LaunchReservations _reservations = null!;
    private int _keys;

    public async Task InitializeAsync()
    {
        Store = new SqliteBridgeStore(Path.Combine(_directory.FullName, BridgeStoreFactory.SqliteFileName), modules: [ContractLinkSchema.Module, LaunchRefusalSchema.Module]);
        await Store.MigrateAsync(None);
        _reservations = new LaunchReservations(ContractLinkStores.For(Store), LaunchRefusalStores.For(Store), Store, _time);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task FirstRun_ReservesTheLead_AndLaunchesWithoutSearching()
    {
        var job = await ClaimNewJobAsync();

        var reservation = await _reservations.ReserveAsync(job, Request, Rule, None);

        Assert.Equal(new LaunchReservation.Reserved(SearchFirst: false), reservation);
        var link = await _reservations.FindActiveAsync(Request.LeadId, None);
        Assert.Equal((ContractState.Launching, job.Id, "MSA", "msa"), (link!.State, link.LaunchJobId, link.TemplateName, link.RuleName));
    }

    [Fact]
    public async Task ReRun_OfTheJobHoldingTheReservation_SearchesIroncladFirst()
    {
        var job = await ClaimNewJobAsync();
        await _reservations.ReserveAsync(job, Request, Rule, None);

        var again = await _reservations.ReserveAsync(job, Request, Rule, None);

        Assert.Equal(new LaunchReservation.Reserved(SearchFirst: true), again);
    }

    [Fact]
    public async Task ReservationOfADeadLetteredLaunch_IsTakenOver_AndIroncladIsSearchedFirst()
    {
        var abandoned = await ClaimNewJobAsync();
        await _reservations.ReserveAsync(abandoned, Request, Rule, None);
        Assert.True(await Store.DeadLetterAsync(abandoned.Id, Owner, "gave up", Now, None));
        var trigger = await ClaimNewJobAsync();

        var reservation = await _reservations.ReserveAsync(trigger, Request, Rule, None);

        Assert.Equal(new LaunchReservation.Reserved(SearchFirst: true), reservation);
        var link = await _reservations.FindActiveAsync(Request.LeadId, None);
        Assert.Equal((ContractState.Launching, trigger.Id), (link!.State, link.LaunchJobId));
    }

    [Fact]
    public async Task ReservationOfALaunchStillRunning_IsAlreadyActive_AndKept()
    {
        var running = await ClaimNewJobAsync();
        await _reservations.ReserveAsync(running, Request, Rule, None);
        var trigger = await ClaimNewJobAsync();

        var reservation = await _reservations.ReserveAsync(trigger, Request, Rule, None);

        var active = Assert.IsType<LaunchReservation.AlreadyActive>(reservation);
        Assert.Equal((ContractState.Launching, running.Id), (active.Existing.State, active.Existing.LaunchJobId));
        Assert.Equal(running.Id, (await _reservations.FindActiveAsync(Request.LeadId, None))!.LaunchJobId);
    }

    [Fact]
    public async Task RecordedLaunch_IsAlreadyRecordedForItsJob_AndAlreadyActiveForAnother()
    {
        var job = await ClaimNewJobAsync();
        await _reservations.ReserveAsync(job, Request, Rule, None);
        var work = new LaunchWork(job, Request, Rule, SearchFirst: false);
        var followUp = new NoteRequest(Request.LeadId, "launched").ToJob();
        await _reservations.RecordLaunchAsync(work, Workflow("wf-1"), ironcladNumber: "IC-1", dealName: "Acme MSA", followUps: [followUp], None);
        Assert.True(await Store.CompleteAsync(job.Id, Owner, [], Now, None));

        var reRun = await _reservations.ReserveAsync(job, Request, Rule, None);
        var other = await _reservations.ReserveAsync(await ClaimNewJobAsync(), Request, Rule, None);

        Assert.IsType<LaunchReservation.AlreadyRecorded>(reRun);
        var existing = Assert.IsType<LaunchReservation.AlreadyActive>(other).Existing;
        Assert.Equal((ContractState.Created, "wf-1", "IC-1", "Acme MSA"), (existing.State, existing.WorkflowId, existing.IroncladNumber, existing.DealName));
        Assert.Contains(await Store.ListAsync(JobStatus.Pending, 10, None), j => j.Kind == JobKinds.Note && j.Payload == followUp.Payload);
    }

    [Fact]
    public async Task ReleasedReservation_LetsTheNextTriggerReserveTheLead()
    {
        var gaveUp = await ClaimNewJobAsync();
        await _reservations.ReserveAsync(gaveUp, Request, Rule, None);
        await _reservations.ReleaseAsync(new LaunchWork(gaveUp, Request, Rule, SearchFirst: false), None);
        Assert.Null(await _reservations.FindActiveAsync(Request.LeadId, None));
        var trigger = await ClaimNewJobAsync();

        var reservation = await _reservations.ReserveAsync(trigger, Request, Rule, None);

        Assert.Equal(new LaunchReservation.Reserved(SearchFirst: false), reservation);
    }

    /// <summary>A running launch job; each on its own key, so one still running does not hold the next back.</summary>
    private async Task<Job> ClaimNewJobAsync()
    {
        var key = "test:" + ++_keys;
        await Store.EnqueueAsync([Request.ToJob() with { Key = key }], Now, None);
        var claimed = await Store.ClaimAsync(JobKinds.Launch, 10, Owner, Now, TimeSpan.FromMinutes(5), None);
        return Assert.Single(claimed, j => j.Key == key);
    }

    private static IroncladWorkflow Workflow(string id) =>
        new(id, "IC-1", "Acme MSA", "tpl-msa", "Create", "active", null, Now.AddSeconds(-1), Now.AddSeconds(-1), null);
}
