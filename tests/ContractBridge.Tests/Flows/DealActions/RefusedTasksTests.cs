using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Tests.Flows.DealActions.Support;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Flows.DealActions;

/// <summary>One bad task never fails a batch: Kommo names it by request_id, it is split off, the others are created once.</summary>
public sealed class RefusedTasksTests
{
    private const string PostTasks = "POST /api/v4/tasks";

    private static readonly long Due = DateTimeOffset.UtcNow.AddDays(3).ToUnixTimeSeconds();

    [Fact]
    public async Task LeadDeletedBetweenReadAndWrite_TheOtherTasksAreCreatedOnce_AndTheBadOneEndsWithKommosReason()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b, c) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"), rig.Account.AddDeal("Cyan"));
        var jobs = new[] { a, b, c }.Select(lead => rig.Job(JobKinds.Task, lead, new TaskRequest(lead, "Chase the signature", Due, 1))).ToArray();
        var batch = new RecordingBatch(jobs);
        rig.Wire.Then(() => rig.Kommo.Control.DeleteLead(b));

        await new TaskHandler(KommoWriteRig.Options, rig.Client).HandleAsync(batch, CancellationToken.None);

        Assert.Same(JobResult.Done, batch.ResultOf(jobs[0]));
        Assert.Same(JobResult.Done, batch.ResultOf(jobs[2]));
        var refused = Assert.IsType<JobResult.Permanent>(batch.ResultOf(jobs[1]));
        Assert.Equal($"Kommo refused the task on lead {b}: entity_id: Entity {b} not found (NotFound)", refused.Error);
        Assert.Equal(rig.Account.RepId, Assert.Single(rig.Kommo.Control.GetLead(a)!.Tasks).ResponsibleUserId);
        Assert.Single(rig.Kommo.Control.GetLead(c)!.Tasks);
        Assert.Equal(2, rig.Kommo.Control.GetTasks().Count);
        Assert.Equal(2, rig.Calls(PostTasks));
        Assert.Equal(0, rig.Kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task TaskTypeTheAccountLacks_IsRefusedAlone_WithKommosReason()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"));
        var good = rig.Job(JobKinds.Task, a, new TaskRequest(a, "Call", Due, 1));
        var bad = rig.Job(JobKinds.Task, b, new TaskRequest(b, "Call", Due, 77));
        var batch = new RecordingBatch(good, bad);

        await new TaskHandler(KommoWriteRig.Options, rig.Client).HandleAsync(batch, CancellationToken.None);

        Assert.Same(JobResult.Done, batch.ResultOf(good));
        var refused = Assert.IsType<JobResult.Permanent>(batch.ResultOf(bad));
        Assert.Contains("task_type_id", refused.Error, StringComparison.Ordinal);
        Assert.Contains("(NotSupportedChoice)", refused.Error, StringComparison.Ordinal);
        Assert.Single(rig.Kommo.Control.GetTasks());
    }

    [Fact]
    public async Task RetriedTaskAlreadyCreated_IsNotCreatedAgain_WhileABadTaskBesideItIsRefused()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"));
        var first = rig.Job(JobKinds.Task, a, new TaskRequest(a, "Call", Due, 1));
        await new TaskHandler(KommoWriteRig.Options, rig.Client).HandleAsync(new RecordingBatch(first), CancellationToken.None);
        var retried = first with { Attempt = 2 };
        var bad = rig.Job(JobKinds.Task, b, new TaskRequest(b, "Call", Due, 77));
        var batch = new RecordingBatch(retried, bad);

        await new TaskHandler(KommoWriteRig.Options, rig.Client).HandleAsync(batch, CancellationToken.None);

        Assert.Same(JobResult.Done, batch.ResultOf(retried));
        Assert.IsType<JobResult.Permanent>(batch.ResultOf(bad));
        Assert.Single(rig.Kommo.Control.GetTasks());
    }
}
