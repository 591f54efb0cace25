using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Tests.Ironclad.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture));
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions(), _time);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AdvancingThroughEveryStage_EmitsTheRealEventsInOrder()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        var control = _server.Simulator.Control;

        var steps = new List<(string Step, string Status)>();
        for (var i = 0; i < 4; i++)
        {
            var snapshot = control.Advance(id);
            steps.Add((snapshot.Step, snapshot.Status));
        }

        Assert.Equal([("Sign", "active"), ("Sign", "active"), ("Archive", "active"), ("Complete", "completed")], steps);
        Assert.Equal(
        [
            "workflow_launched",
            "workflow_approval_status_changed", "workflow_step_updated", "workflow_signature_packet_sent", "workflow_updated",
            "workflow_signature_packet_signatures_collected", "workflow_signature_packet_fully_signed", "workflow_updated",
            "workflow_step_updated", "workflow_updated",
            "workflow_step_updated", "workflow_completed", "workflow_updated",
        ], control.Workflow(id)!.Events.Select(e => e.Event));
    }

    [Fact]
    public async Task LastUpdated_StrictlyIncreases_EvenWhenTheClockStandsStill()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        var seen = new List<DateTimeOffset> { _server.Simulator.Control.Workflow(id)!.LastUpdated };

        for (var i = 0; i < 4; i++)
        {
            seen.Add(_server.Simulator.Control.Advance(id).LastUpdated);
        }

        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second > p.First), string.Join(", ", seen));
    }

    [Fact]
    public async Task AdvanceTo_NamedStage_WalksEveryStageOnTheWay()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        var snapshot = _server.Simulator.Control.AdvanceTo(id, WorkflowStage.Signed);

        Assert.Equal(WorkflowStage.Signed, snapshot.Stage);
        Assert.Contains(snapshot.Events, e => e.Event == "workflow_signature_packet_sent");
        Assert.Contains(snapshot.Events, e => e.Event == "workflow_signature_packet_fully_signed");
    }

    [Fact]
    public async Task RealCancelEndpoint_Answers204_AndCancels()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        using var response = await _server.PostJsonAsync($"workflows/{id}/cancel", Comment("deal lost"));
        var workflow = await _server.GetJsonAsync($"workflows/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("cancelled", workflow!["status"]!.GetValue<string>());
        Assert.True(workflow["isCancelled"]!.GetValue<bool>());
        Assert.Contains(_server.Simulator.Control.Workflow(id)!.Events, e => e.Event == "workflow_cancelled");
    }

    [Fact]
    public async Task CancelWithoutComment_IsMissingParam()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        using var response = await _server.PostJsonAsync($"workflows/{id}/cancel", new JsonObject());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MISSING_PARAM", (await IroncladTestServer.ReadJsonAsync(response))!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task PauseAndResume_InReview_EmitPausedAndResumed()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        using var paused = await _server.PostJsonAsync($"workflows/{id}/pause", Comment("waiting for budget"));
        var whilePaused = await _server.GetJsonAsync($"workflows/{id}");
        using var resumed = await _server.PostJsonAsync($"workflows/{id}/resume", Comment("budget approved"));

        Assert.Equal(HttpStatusCode.NoContent, paused.StatusCode);
        Assert.Equal("paused", whilePaused!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        var events = _server.Simulator.Control.Workflow(id)!.Events.Select(e => e.Event).ToList();
        Assert.True(events.IndexOf("workflow_paused") < events.IndexOf("workflow_resumed"));
    }

    [Fact]
    public async Task PausedWorkflow_CannotAdvance()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        _server.Simulator.Control.Pause(id);

        var refused = Assert.Throws<IroncladApiException>(() => _server.Simulator.Control.Advance(id));

        Assert.Equal(409, refused.StatusCode);
    }

    [Fact]
    public async Task RevertToReview_FromSign_Answers204_AndCancelsThePacket()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        _server.Simulator.Control.Advance(id);
        var before = await _server.GetJsonAsync($"workflows/{id}");

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"workflows/{id}/revert-to-review")
        {
            Content = new StringContent(new JsonObject { ["status"] = "review", ["user"] = new JsonObject { ["email"] = _server.CreatorEmail, ["type"] = "email" } }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await _server.Http.SendAsync(request);
        var after = await _server.GetJsonAsync($"workflows/{id}");

        Assert.True(before!["isRevertibleToReview"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("Review", after!["step"]!.GetValue<string>());
        Assert.Contains(_server.Simulator.Control.Workflow(id)!.Events, e => e.Event == "workflow_signature_packet_cancelled");
    }

    [Fact]
    public async Task RevertToReview_InReview_IsInvalidState()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"workflows/{id}/revert-to-review")
        {
            Content = new StringContent(new JsonObject { ["status"] = "review", ["user"] = new JsonObject { ["email"] = _server.CreatorEmail } }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_STATE", (await IroncladTestServer.ReadJsonAsync(response))!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AutoAdvance_MovesAWorkflowToCompleteOnItsScaledSchedule()
    {
        var options = new IroncladSimulatorOptions
        {
            TimeScale = 60,
            AutoAdvance = new AutoAdvanceSchedule
            {
                ReviewToSign = TimeSpan.FromMinutes(1),
                SignToSigned = TimeSpan.FromMinutes(1),
                SignedToArchive = TimeSpan.FromMinutes(1),
                ArchiveToComplete = TimeSpan.FromMinutes(1),
            },
        };
        await using var server = await IroncladTestServer.StartAsync(options, _time);
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();

        var stages = new List<WorkflowStage>();
        foreach (var expected in new[] { WorkflowStage.Sign, WorkflowStage.Signed, WorkflowStage.Archive, WorkflowStage.Complete })
        {
            Assert.NotEqual(expected, server.Simulator.Control.Workflow(id)!.Stage);
            _time.Advance(TimeSpan.FromSeconds(1));
            stages.Add((await Eventually.UntilAsync(() => server.Simulator.Control.Workflow(id)!, w => w.Stage == expected, $"the workflow to reach {expected}", describe: w => $"{w.Stage}")).Stage);
        }

        Assert.Equal("completed", server.Simulator.Control.Workflow(id)!.Status);
    }

    [Fact]
    public async Task AutoAdvance_WaitsWhilePaused()
    {
        var options = new IroncladSimulatorOptions { AutoAdvance = new AutoAdvanceSchedule { ReviewToSign = TimeSpan.FromMinutes(1) } };
        await using var server = await IroncladTestServer.StartAsync(options, _time);
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();
        server.Simulator.Control.Pause(id);

        _time.Advance(TimeSpan.FromMinutes(5));
        server.Simulator.Control.Resume(id);
        var stillInReview = server.Simulator.Control.Workflow(id)!.Stage;
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(WorkflowStage.Review, stillInReview);
        await Eventually.UntilAsync(() => server.Simulator.Control.Workflow(id)!, w => w.Stage == WorkflowStage.Sign, "the workflow to reach Sign", describe: w => $"{w.Stage}");
    }

    private static JsonObject Comment(string message) => new() { ["comment"] = new JsonObject { ["message"] = message } };
}
