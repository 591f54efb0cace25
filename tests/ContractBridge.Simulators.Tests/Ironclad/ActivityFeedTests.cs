using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Control;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>
/// What legal does on a workflow besides moving it: comments (replies, mentions, the counterparty's), approvals and turns,
/// made through the control API or the real one, each answer validated against Ironclad's OpenAPI description, and the
/// webhook events each sends.
/// </summary>
public sealed class ActivityFeedTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Spec = OpenApiDocument.Ironclad;
    private static readonly Counterparty Carl = new("Carl Counterparty", "carl@acme.example", "Acme Corp");
    private IroncladTestServer _server = null!;

    private IroncladControl Control => _server.Simulator.Control;

    private IroncladUser Legal => _server.Options.Users[1];

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RepliesMentionsAndCounterpartyComments_AreListedAsActivityFeedComments_MatchingSpec()
    {
        var id = await LaunchAsync();
        var question = Control.PostComment(id, new ControlCommentRequest($"<@{Legal.Email}> can we cap liability?", AuthorEmail: _server.CreatorEmail));
        var reply = Control.PostComment(id, new ControlCommentRequest("Yes, at 1x fees.", AuthorEmail: Legal.Email, RepliedTo: question.Id));
        var external = Control.PostComment(id, new ControlCommentRequest("We need 2x.", Counterparty: Carl, RepliedTo: reply.Id));

        var list = await _server.GetJsonAsync($"workflows/{id}/comments");

        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/comments", "get", "200"), list);
        var items = list!["list"]!.AsArray();
        Assert.Equal([question.Id, reply.Id, external.Id], items.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(Legal.Email, items[0]!["mentionedUserDetails"]![0]!["email"]!.GetValue<string>());
        Assert.Equal(question.Id, items[1]!["repliedTo"]!["item"]!.GetValue<string>());
        Assert.Equal(_server.CreatorEmail, items[1]!["repliedTo"]!["itemAuthor"]!["email"]!.GetValue<string>());
        Assert.False(items[1]!["isExternal"]!.GetValue<bool>());
        Assert.True(items[2]!["isExternal"]!.GetValue<bool>());
        Assert.Equal(("externalUser", "Acme Corp", "Carl Counterparty"), (
            items[2]!["author"]!["type"]!.GetValue<string>(), items[2]!["author"]!["companyName"]!.GetValue<string>(), items[2]!["author"]!["displayName"]!.GetValue<string>()));
        Assert.Equal("Lena Legal", items[2]!["repliedTo"]!["itemAuthor"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReplyPostedThroughTheApi_NamesItsOriginal_AndAReplyToNothingIs400()
    {
        var id = await LaunchAsync();
        var original = Control.PostComment(id, new ControlCommentRequest("Please review clause 7.", AuthorEmail: Legal.Email));

        using var posted = await _server.PostJsonAsync($"workflows/{id}/comments", CommentBody("Done.", original.Id));
        using var dangling = await _server.PostJsonAsync($"workflows/{id}/comments", CommentBody("Done.", "nosuchcomment"));
        var reply = await IroncladTestServer.ReadJsonAsync(posted);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/comments", "post", "200"), reply);
        Assert.Equal(original.Id, reply!["repliedTo"]!["item"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, dangling.StatusCode);
        Assert.Equal(2, Control.Comments(id)!.Count);
    }

    [Fact]
    public async Task Approvals_AreListedInGroupsWithTheirRoles_AndApprovedInOrder_MatchingSpec()
    {
        var id = await LaunchAsync();
        Control.RequestApproval(id, new ControlApprovalRequest("finance", "Finance", Legal.Email, Order: 1));
        Control.RequestApproval(id, new ControlApprovalRequest("legal", "Legal", Legal.Email, Order: 2));
        var schema = Spec.ResponseSchema("/workflows/{id}/approvals", "get", "200");

        var before = await _server.GetJsonAsync($"workflows/{id}/approvals");
        using var outOfOrder = await PatchApprovalAsync(id, "legal", "approved", Legal.Email);
        using var approved = await PatchApprovalAsync(id, "finance", "approved", Legal.Email);
        var after = await _server.GetJsonAsync($"workflows/{id}/approvals");

        Spec.AssertValid(schema, before);
        Spec.AssertValid(schema, after);
        Assert.Equal(["active", "pending"], Statuses(before));
        Assert.Equal(["approved", "active"], Statuses(after));
        Assert.Equal("Lena Legal", after!["roles"]![0]!["assignees"]![0]!["userName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, outOfOrder.StatusCode);
        Assert.Equal("INVALID_STATE", (await IroncladTestServer.ReadJsonAsync(outOfOrder))!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.True((await IroncladTestServer.ReadJsonAsync(approved))!.GetValue<bool>());
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/approvals/{roleId}", "patch", "200"), JsonValue.Create(true));
    }

    [Fact]
    public async Task ApprovingAsSomeoneNotAssigned_OrAnUnknownRole_Is400InvalidParam_MatchingSpec()
    {
        var id = await LaunchAsync();
        Control.RequestApproval(id, new ControlApprovalRequest("finance", "Finance", Legal.Email));

        using var stranger = await PatchApprovalAsync(id, "finance", "approved", _server.CreatorEmail);
        using var unknown = await PatchApprovalAsync(id, "ceo", "approved", Legal.Email);

        var refusal = Spec.ResponseSchema("/workflows/{id}/approvals/{roleId}", "patch", "400");
        foreach (var response in new[] { stranger, unknown })
        {
            var body = await IroncladTestServer.ReadJsonAsync(response);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("INVALID_PARAM", body!["code"]!.GetValue<string>());
            Spec.AssertValid(refusal, body);
        }

        Assert.Equal("pending", Assert.Single(Control.Approvals(id)!).Status);
    }

    [Fact]
    public async Task AnApprovalChange_SendsWorkflowApprovalStatusChanged_AndMovingToSignApprovesWhatIsLeft()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_approval_status_changed");
        var id = await LaunchAsync();
        Control.RequestApproval(id, new ControlApprovalRequest("finance", "Finance", Legal.Email));
        Control.RequestApproval(id, new ControlApprovalRequest("legal", "Legal", Legal.Email));

        Control.SetApproval(id, "finance", new ControlApprovalStatus("approved"));
        Control.SetApproval(id, "finance", new ControlApprovalStatus("approved"));
        var hooks = await receiver.WaitForAsync(r => r.Count >= 1);
        Control.Advance(id);
        await receiver.WaitForAsync(r => r.Count >= 2);

        Assert.Equal(("workflow_approval_status_changed", id), (hooks[0].Event, hooks[0].WorkflowId));
        Assert.All(Control.Approvals(id)!, a => Assert.Equal("approved", a.Status));
        Assert.Equal(2, Control.Workflow(id)!.Events.Count(e => e.Event == "workflow_approval_status_changed"));
    }

    [Fact]
    public async Task TurnHistory_StartsWithTheCompany_AndEachPassIsATurn_MatchingSpec()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _server.RegisterWebhookAsync(receiver.Url, "workflow_changed_turn");
        var id = await LaunchAsync();

        Control.PassTurn(id, new ControlTurnRequest("counterparty", Carl.Email));
        Control.PassTurn(id, new ControlTurnRequest("internal", Legal.Email));
        var hooks = await receiver.WaitForAsync(r => r.Count >= 2);
        var history = await _server.GetJsonAsync($"workflows/{id}/turn-history");
        var paged = await _server.GetJsonAsync($"workflows/{id}/turn-history?page=1&pageSize=2");

        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/turn-history", "get", "200"), history);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/turn-history", "get", "200"), paged);
        var turns = history!["list"]!.AsArray();
        Assert.Equal(["internal", "counterparty", "internal"], turns.Select(t => t!["turnParty"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3], turns.Select(t => t!["turnNumber"]!.GetValue<int>()));
        Assert.Equal(Carl.Email, turns[1]!["turnUserEmail"]!.GetValue<string>());
        Assert.NotNull(turns[1]!["turnEndTime"]);
        Assert.Null(turns[2]!["turnEndTime"]);
        Assert.Equal(3, paged!["count"]!.GetValue<int>());
        Assert.Equal(3, paged["list"]!.AsArray().Single()!["turnNumber"]!.GetValue<int>());
        Assert.All(hooks, h => Assert.Equal(("workflow_changed_turn", id), (h.Event, h.WorkflowId)));
    }

    [Fact]
    public async Task PassingTheTurnToWhoeverHasIt_OrOnAFinishedWorkflow_IsRefused()
    {
        var id = await LaunchAsync();

        var again = Assert.Throws<ContractBridge.Simulators.Ironclad.Api.IroncladApiException>(() => Control.PassTurn(id, new ControlTurnRequest("internal")));
        Control.Cancel(id);
        var finished = Assert.Throws<ContractBridge.Simulators.Ironclad.Api.IroncladApiException>(() => Control.PassTurn(id, new ControlTurnRequest("counterparty")));

        Assert.Equal("INVALID_STATE", again.Error.Code);
        Assert.Equal("INVALID_STATE", finished.Error.Code);
        Assert.Single(Control.Turns(id)!);
    }

    [Fact]
    public async Task ControlClient_CommentsApprovesAndPassesTheTurn_OverHttp()
    {
        var id = await LaunchAsync();
        var client = new IroncladSimulatorClient(_server.Root);

        var comment = await client.PostCommentAsync(id, new ControlCommentRequest("Looks fine.", AuthorEmail: Legal.Email));
        await client.RequestApprovalAsync(id, new ControlApprovalRequest("finance", "Finance", Legal.Email));
        var approval = await client.SetApprovalAsync(id, "finance", "approved");
        var turn = await client.PassTurnAsync(id, new ControlTurnRequest("counterparty", Carl.Email));

        Assert.Equal(comment.Id, Assert.Single(await client.CommentsAsync(id)).Id);
        Assert.Equal("approved", approval.Status);
        Assert.Equal("approved", Assert.Single(await client.ApprovalsAsync(id)).Status);
        Assert.Equal((2, "counterparty"), (turn.Number, turn.Party));
        Assert.Equal(2, (await client.TurnsAsync(id)).Count);
    }

    [Fact]
    public async Task ApprovalsAndTurnsOfAnUnknownWorkflow_Are404()
    {
        using var approvals = await _server.Http.GetAsync("workflows/000000000000000000000000/approvals");
        using var turns = await _server.Http.GetAsync("workflows/000000000000000000000000/turn-history");

        Assert.Equal(HttpStatusCode.NotFound, approvals.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, turns.StatusCode);
        Spec.AssertValid(Spec.ComponentResponseSchema("WorkflowNotFoundResponse404"), await IroncladTestServer.ReadJsonAsync(turns));
    }

    private static string[] Statuses(JsonNode? approvals) =>
        [.. approvals!["approvalGroups"]!.AsArray().Select(g => g!["status"]!.GetValue<string>())];

    private JsonObject CommentBody(string text, string repliedTo) => new()
    {
        ["comment"] = text,
        ["creator"] = new JsonObject { ["type"] = "email", ["email"] = _server.CreatorEmail },
        ["repliedToActivityFeedMessageId"] = repliedTo,
    };

    private Task<HttpResponseMessage> PatchApprovalAsync(string id, string role, string status, string userEmail)
    {
        var body = new JsonObject { ["status"] = status, ["user"] = new JsonObject { ["type"] = "email", ["email"] = userEmail } };
        return _server.Http.PatchAsync($"workflows/{id}/approvals/{role}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    private async Task<string> LaunchAsync() => (await _server.LaunchAsync())["id"]!.GetValue<string>();
}
