using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>
/// Comments (<c>POST/GET /workflows/{id}/comments</c>) and the commented actions (cancel, pause, resume) as Ironclad's
/// OpenAPI description has them: every answer validated against it, the comment each action requires, the right error
/// for a workflow in the wrong state, and the webhook events they cause.
/// </summary>
public sealed class CommentAndActionTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Spec = OpenApiDocument.Ironclad;
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PostedComment_Answers200ActivityFeedComment_AndIsListed_MatchingSpec()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        var legal = _server.Options.Users[1];

        using var posted = await _server.PostJsonAsync($"workflows/{id}/comments", new JsonObject
        {
            ["comment"] = $"Deal lost in Kommo <@{legal.Email}>",
            ["creator"] = new JsonObject { ["type"] = "email", ["email"] = _server.CreatorEmail },
        });
        var comment = await IroncladTestServer.ReadJsonAsync(posted);
        var list = await _server.GetJsonAsync($"workflows/{id}/comments");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/comments", "post", "200"), comment);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/comments", "get", "200"), list);
        Assert.Equal($"Deal lost in Kommo <@{legal.Email}>", comment!["commentMessage"]!.GetValue<string>());
        Assert.Equal(_server.CreatorEmail, comment["author"]!["email"]!.GetValue<string>());
        Assert.Equal(legal.Email, comment["mentionedUserDetails"]![0]!["email"]!.GetValue<string>());
        Assert.Equal(1, list!["count"]!.GetValue<int>());
        Assert.Equal(comment["id"]!.GetValue<string>(), list["list"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Comments_ArePaged_OldestFirst()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        for (var i = 0; i < 3; i++)
        {
            using var _ = await PostCommentAsync(id, $"comment {i}");
        }

        var second = await _server.GetJsonAsync($"workflows/{id}/comments?page=1&pageSize=2");

        Assert.Equal((1, 2, 3), (second!["page"]!.GetValue<int>(), second["pageSize"]!.GetValue<int>(), second["count"]!.GetValue<int>()));
        Assert.Equal("comment 2", second["list"]!.AsArray().Single()!["commentMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task CommentWithoutText_OrWithoutCreatorOnALegacyToken_Is400()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        using var empty = await _server.PostJsonAsync($"workflows/{id}/comments", new JsonObject { ["creator"] = new JsonObject { ["type"] = "email", ["email"] = _server.CreatorEmail } });
        using var anonymous = await _server.PostJsonAsync($"workflows/{id}/comments", new JsonObject { ["comment"] = "hello" });
        using var stranger = await _server.PostJsonAsync($"workflows/{id}/comments", new JsonObject { ["comment"] = "hello", ["creator"] = new JsonObject { ["type"] = "email", ["email"] = "ghost@nowhere.example" } });

        Assert.Equal((HttpStatusCode.BadRequest, "MISSING_PARAM", "comment"), await ErrorOf(empty));
        Assert.Equal((HttpStatusCode.BadRequest, "MISSING_PARAM", "creator"), await ErrorOf(anonymous));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_PARAM", "creator"), await ErrorOf(stranger));
        Assert.Empty(_server.Simulator.Control.Comments(id)!);
    }

    [Fact]
    public async Task CommentsOnAnUnknownWorkflow_Are404NotFound_MatchingSpec()
    {
        using var posted = await PostCommentAsync("000000000000000000000000", "hello");
        using var listed = await _server.Http.GetAsync("workflows/000000000000000000000000/comments");

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/comments", "get", "404"), await IroncladTestServer.ReadJsonAsync(listed));
    }

    [Fact]
    public async Task ACommentSendsWorkflowCommentAdded_AndLeavesTheWorkflowAsItWas()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_comment_added", "workflow_updated");
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        var before = _server.Simulator.Control.Workflow(id)!;

        using var _ = await PostCommentAsync(id, "a question from the deal");
        var hooks = await receiver.WaitForAsync(r => r.Count >= 1);

        Assert.Equal(("workflow_comment_added", id), (hooks[0].Event, hooks[0].WorkflowId));
        var after = _server.Simulator.Control.Workflow(id)!;
        Assert.Equal((before.Status, before.Step, before.LastUpdated), (after.Status, after.Step, after.LastUpdated));
    }

    [Fact]
    public async Task CancelWithAComment_Answers204_KeepsTheComment_AndSendsWorkflowCancelled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_cancelled");
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        using var cancelled = await ActAsync(id, "cancel", "The deal was lost in Kommo.");
        var hooks = await receiver.WaitForAsync(r => r.Count >= 1);
        using var again = await ActAsync(id, "cancel", "again");

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal("cancelled", _server.Simulator.Control.Workflow(id)!.Status);
        Assert.Equal("The deal was lost in Kommo.", Assert.Single(_server.Simulator.Control.Comments(id)!).Message);
        Assert.Equal("workflow_cancelled", hooks[0].Event);
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_STATE", null), await ErrorOf(again));
    }

    [Fact]
    public async Task PauseAndResume_InReview_Answer204_AndSendTheirEvents_ResumeOfAnActiveWorkflowIs400()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_paused", "workflow_resumed");
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        using var early = await ActAsync(id, "resume", "nothing to resume");
        using var paused = await ActAsync(id, "pause", "On hold: the deal is lost.");
        var pausedStatus = _server.Simulator.Control.Workflow(id)!.Status;
        using var resumed = await ActAsync(id, "resume", "Back on.");
        var hooks = await receiver.WaitForAsync(r => r.Count >= 2);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_STATE", null), await ErrorOf(early));
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/resume", "post", "400"), new JsonObject { ["code"] = "INVALID_STATE", ["message"] = "Only paused workflows in the review step can be resumed." });
        Assert.Equal((HttpStatusCode.NoContent, "paused", HttpStatusCode.NoContent), (paused.StatusCode, pausedStatus, resumed.StatusCode));
        Assert.Equal("active", _server.Simulator.Control.Workflow(id)!.Status);
        Assert.Equal(["workflow_paused", "workflow_resumed"], hooks.Select(h => h.Event).Order(StringComparer.Ordinal)); // deliveries may arrive out of order
        Assert.Equal(["On hold: the deal is lost.", "Back on."], _server.Simulator.Control.Comments(id)!.Select(c => c.Message));
    }

    [Fact]
    public async Task ActionsWithoutTheirComment_Are400MissingParam_AndChangeNothing()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        foreach (var action in new[] { "cancel", "pause", "resume" })
        {
            using var response = await _server.PostJsonAsync($"workflows/{id}/{action}", new JsonObject());
            Assert.Equal((HttpStatusCode.BadRequest, "MISSING_PARAM", "comment"), await ErrorOf(response));
        }

        Assert.Equal("active", _server.Simulator.Control.Workflow(id)!.Status);
    }

    private Task<HttpResponseMessage> PostCommentAsync(string id, string text) =>
        _server.PostJsonAsync($"workflows/{id}/comments", new JsonObject
        {
            ["comment"] = text,
            ["creator"] = new JsonObject { ["type"] = "email", ["email"] = _server.CreatorEmail },
        });

    private Task<HttpResponseMessage> ActAsync(string id, string action, string message) =>
        _server.PostJsonAsync($"workflows/{id}/{action}", new JsonObject { ["comment"] = new JsonObject { ["message"] = message } });

    private static async Task<(HttpStatusCode, string?, string?)> ErrorOf(HttpResponseMessage response)
    {
        var body = await IroncladTestServer.ReadJsonAsync(response);
        return (response.StatusCode, body?["code"]?.GetValue<string>(), body?["param"]?.GetValue<string>());
    }
}
