using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Renewals;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Flows.Renewals;

public sealed class RenewalPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly IOptions<BridgeOptions> Bridge = Options.Create(new BridgeOptions { Ironclad = { BaseUrl = new Uri("https://na1.ironcladapp.com/public/api/v1") } });
    private readonly RenewalPlanner _planner = new(new ContractLinks(Bridge), Bridge);

    [Fact]
    public void FirstRead_WithAnExpirationDate_PlansTheRenewalTask_AndNoNote()
    {
        var job = Assert.Single(_planner.Plan(null, Record(new DateOnly(2027, 12, 31), "active", "expiring"), new ContractRule()));

        Assert.Equal(JobKinds.RenewalTask, job.Kind);
        Assert.Equal("lead:7", job.Key);
        Assert.Contains("\"recordId\":\"rec-1\"", job.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalTaskDaysBeforeZero_OrNoDate_PlansNoTask()
    {
        Assert.Empty(_planner.Plan(null, Record(new DateOnly(2027, 12, 31), "active", "expiring"), new ContractRule { OnExecuted = { RenewalTaskDaysBefore = 0 } }));
        Assert.Empty(_planner.Plan(null, Record(null, "active", "active"), new ContractRule()));
        Assert.Empty(_planner.Plan(null, Record(new DateOnly(2027, 12, 31), "active", "expiring"), rule: null));
    }

    [Fact]
    public void ChangedDate_PlansTheTaskAgain_AndTheSameDateNothing()
    {
        var before = Record(new DateOnly(2027, 12, 31), "active", "expiring");

        Assert.Equal([JobKinds.RenewalTask], _planner.Plan(before, Record(new DateOnly(2028, 6, 30), "active", "expiring"), new ContractRule()).Select(j => j.Kind));
        Assert.Empty(_planner.Plan(before, before with { StatusMessage = "Expiring in 3 days" }, new ContractRule()));
    }

    [Fact]
    public void ChangedStatus_PlansOneNoteNamingTheContractAndTheStatus()
    {
        var before = Record(new DateOnly(2027, 12, 31), "active", "expiring");

        var job = Assert.Single(_planner.Plan(before, Record(new DateOnly(2027, 12, 31), "inactive", "inactive") with { StatusMessage = "Terminated on Mar 3, 2027" }, new ContractRule()));

        Assert.Equal(JobKinds.Note, job.Kind);
        Assert.Contains("Ironclad: the record of contract IC-12 (MSA) is now inactive: Terminated on Mar 3, 2027.", job.Payload, StringComparison.Ordinal);
        Assert.Contains("https://na1.ironcladapp.com/workflows/wf-1", job.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpirationDateField_GetsTheDateWrittenBeside_AndEvenWithoutTheTask()
    {
        var options = Options.Create(new BridgeOptions { Ironclad = { BaseUrl = new Uri("https://na1.ironcladapp.com/public/api/v1") }, Writeback = { ExpirationDate = "80005" } });
        var planner = new RenewalPlanner(new ContractLinks(options), options);
        var record = Record(new DateOnly(2027, 12, 31), "active", "expiring");

        var jobs = planner.Plan(null, record, new ContractRule());
        var withoutTask = planner.Plan(null, record, new ContractRule { OnExecuted = { RenewalTaskDaysBefore = 0 } });

        Assert.Equal([JobKinds.Writeback, JobKinds.RenewalTask], jobs.Select(j => j.Kind));
        Assert.Contains("2027-12-31", jobs[0].Payload, StringComparison.Ordinal);
        Assert.Equal([JobKinds.Writeback], withoutTask.Select(j => j.Kind));
        Assert.Empty(planner.Plan(record, record with { ExpirationDate = null }, new ContractRule()));
    }

    private static ContractRecord Record(DateOnly? expiration, string status, string enhanced) =>
        new("rec-1", 7, "wf-1", "IC-12 (MSA)", "msa", expiration, status, enhanced, null, T0, null, null, T0);
}
