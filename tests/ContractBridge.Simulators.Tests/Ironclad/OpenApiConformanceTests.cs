using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Tests.Ironclad.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>Every answer the bridge will use validates against Ironclad's own OpenAPI description.</summary>
public sealed class OpenApiConformanceTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Spec = OpenApiDocument.Ironclad;
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task WorkflowSchemaList_MatchesSpec()
    {
        var body = await _server.GetJsonAsync("workflow-schemas?form=launch");

        Spec.AssertValid(Spec.ResponseSchema("/workflow-schemas", "get", "200"), body);
        Assert.Equal(["MSA", "NDA", "SOW"], body!["list"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OneWorkflowSchema_MatchesSpec()
    {
        var body = await _server.GetJsonAsync($"workflow-schemas/{_server.Template("NDA").Id}?form=launch");

        Spec.AssertValid(Spec.ResponseSchema("/workflow-schemas/{id}", "get", "200"), body);
        Assert.Equal("always", body!["schema"]!["counterpartyName"]!["required"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownWorkflowSchema_Is400NotFound_MatchingSpec()
    {
        using var response = await _server.Http.GetAsync("workflow-schemas/000000000000000000000000?form=launch");
        var body = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NOT_FOUND", body!["code"]!.GetValue<string>());
        Spec.AssertValid(Spec.ResponseSchema("/workflow-schemas/{id}", "get", "400"), body);
    }

    [Fact]
    public async Task SyncLaunch_Answers200LaunchedWorkflow_MatchingSpec()
    {
        var body = await _server.LaunchAsync();

        Spec.AssertValid(Spec.ComponentResponseSchema("WorkflowLaunchResponse200"), body);
        Assert.Matches("^[0-9a-f]{24}$", body["id"]!.GetValue<string>());
        Assert.Matches("^IC-[0-9]+$", body["ironcladId"]!.GetValue<string>());
        Assert.Equal("Review", body["step"]!.GetValue<string>());
        Assert.Equal("active", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetWorkflow_MatchesSpec_InEveryStage()
    {
        var launched = await _server.LaunchAsync();
        var id = launched["id"]!.GetValue<string>();
        var schema = Spec.ResponseSchema("/workflows/{id}", "get", "200");

        for (var stage = 0; stage < 5; stage++)
        {
            Spec.AssertValid(schema, await _server.GetJsonAsync($"workflows/{id}"));
            if (stage < 4)
            {
                _server.Simulator.Control.Advance(id);
            }
        }

        var cancelled = await _server.LaunchAsync();
        _server.Simulator.Control.Cancel(cancelled["id"]!.GetValue<string>());
        Spec.AssertValid(schema, await _server.GetJsonAsync($"workflows/{cancelled["id"]}"));
    }

    [Fact]
    public async Task ListWorkflows_MatchesSpec()
    {
        await _server.LaunchAsync();
        await _server.LaunchAsync();

        var body = await _server.GetJsonAsync("workflows?page=0&pageSize=20");

        Spec.AssertValid(Spec.ResponseSchema("/workflows", "get", "200"), body);
        Assert.Equal(2, body!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task DocumentsList_MatchesSpec()
    {
        var launched = await _server.LaunchAsync();

        var body = await _server.GetJsonAsync($"workflows/{launched["id"]}/documents");

        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/documents", "get", "200"), body);
    }

    [Fact]
    public async Task DocumentsList_WithExhibitsAndAnExcludedDocument_MatchesSpec_BeforeAndAfterSigning()
    {
        var launched = await _server.LaunchAsync();
        var id = launched["id"]!.GetValue<string>();
        _server.Simulator.Control.AddDocument(id, "Exhibit A - Order Form.pdf");
        _server.Simulator.Control.AddDocument(id, "Internal notes.docx", inSignaturePacket: false);
        var schema = Spec.ResponseSchema("/workflows/{id}/documents", "get", "200");

        var draft = await _server.GetJsonAsync($"workflows/{id}/documents");
        _server.Simulator.Control.AdvanceTo(id, WorkflowStage.Signed);
        var signed = await _server.GetJsonAsync($"workflows/{id}/documents");

        Spec.AssertValid(schema, draft);
        Spec.AssertValid(schema, signed);
        Assert.Equal(2, signed!["signaturePacketDocuments"]!.AsArray().Count);
        Assert.Equal("Internal notes.docx", Assert.Single(signed["excludedFromSignaturePacketDocuments"]!.AsArray())!["filename"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateSignaturePacket_AndItsRefusals_MatchSpec()
    {
        var launched = await _server.LaunchAsync();
        var id = launched["id"]!.GetValue<string>();
        var exhibit = _server.Simulator.Control.AddDocument(id, "Exhibit A - Order Form.pdf").Documents[1].Key;
        var main = _server.Simulator.Control.Workflow(id)!.Documents[0].Key;

        using var reordered = await _server.PatchJsonAsync($"workflows/{id}/signature-packet", new JsonObject { ["signaturePacketDocumentKeys"] = new JsonArray(exhibit, main) });
        using var unknown = await _server.PatchJsonAsync($"workflows/{id}/signature-packet", new JsonObject { ["signaturePacketDocumentKeys"] = new JsonArray("nope") });
        _server.Simulator.Control.Advance(id);
        using var outsideReview = await _server.PatchJsonAsync($"workflows/{id}/signature-packet", new JsonObject { ["signaturePacketDocumentKeys"] = new JsonArray(main) });

        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        var body = await IroncladTestServer.ReadJsonAsync(reordered);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/signature-packet", "patch", "200"), body);
        Assert.Equal([exhibit, main], body!["signaturePacketDocuments"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/signature-packet", "patch", "400"), await IroncladTestServer.ReadJsonAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, outsideReview.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/signature-packet", "patch", "400"), await IroncladTestServer.ReadJsonAsync(outsideReview));
    }

    [Fact]
    public async Task SignStatus_MatchesSpec_UnsignedPartlySignedAndComplete()
    {
        var launched = await _server.LaunchAsync();
        var id = launched["id"]!.GetValue<string>();
        _server.Simulator.Control.Advance(id);
        var schema = Spec.ResponseSchema("/workflows/{id}/sign-status", "get", "200");

        var sent = await _server.GetJsonAsync($"workflows/{id}/sign-status");
        _server.Simulator.Control.Sign(id, "Counterparty Signer");
        var partly = await _server.GetJsonAsync($"workflows/{id}/sign-status");
        _server.Simulator.Control.Sign(id, "Company Signer");
        var complete = await _server.GetJsonAsync($"workflows/{id}/sign-status");

        Spec.AssertValid(schema, sent);
        Spec.AssertValid(schema, partly);
        Spec.AssertValid(schema, complete);
        var signers = sent!["signers"]!.AsArray();
        Assert.Equal(["Counterparty Signer", "Company Signer"], signers.Select(s => s!["roleName"]!.GetValue<string>()));
        Assert.Equal(("Jane Roe", "jane.roe@acme.example", "external"), (signers[0]!["name"]!.GetValue<string>(), signers[0]!["email"]!.GetValue<string>(), signers[0]!["type"]!.GetValue<string>()));
        Assert.Equal("internal", signers[1]!["type"]!.GetValue<string>());
        Assert.Equal(["signed", "sent"], partly!["signers"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()));
        Assert.Equal(("sent", "complete"), (sent["status"]!.GetValue<string>(), complete!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SignStatusOutsideTheSignStep_Is400InvalidState_MatchingSpec()
    {
        var launched = await _server.LaunchAsync();

        using var response = await _server.Http.GetAsync($"workflows/{launched["id"]}/sign-status");
        using var unknown = await _server.Http.GetAsync("workflows/IC-999/sign-status");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await IroncladTestServer.ReadJsonAsync(response);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/sign-status", "get", "400"), body);
        Assert.Equal("INVALID_STATE", body!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/sign-status", "get", "404"), await IroncladTestServer.ReadJsonAsync(unknown));
    }

    [Fact]
    public async Task RemindSigner_Is204_AndItsRefusals_MatchSpec()
    {
        var launched = await _server.LaunchAsync();
        var id = launched["id"]!.GetValue<string>();
        using var inReview = await _server.Http.PostAsync($"workflows/{id}/sign-status/signers/Counterparty%20Signer/remind", null);
        _server.Simulator.Control.Advance(id);

        using var reminded = await _server.Http.PostAsync($"workflows/{id}/sign-status/signers/Counterparty%20Signer/remind", null);
        using var again = await _server.Http.PostAsync($"workflows/{id}/sign-status/signers/Counterparty%20Signer/remind", null);

        Assert.Equal(HttpStatusCode.BadRequest, inReview.StatusCode);
        var remindPath = "/workflows/{id}/sign-status/signers/{signerRoleName}/remind";
        Spec.AssertValid(Spec.ResponseSchema(remindPath, "post", "400"), await IroncladTestServer.ReadJsonAsync(inReview));
        Assert.Equal(HttpStatusCode.NoContent, reminded.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema(remindPath, "post", "429"), await IroncladTestServer.ReadJsonAsync(again));
    }

    [Fact]
    public async Task AsyncLaunch_AndEveryJobStatus_MatchSpec()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions(), time);

        using var accepted = await server.PostJsonAsync("workflows/async", server.MsaLaunchBody());
        var job = await IroncladTestServer.ReadJsonAsync(accepted);
        var jobId = job!["asyncJobId"]!.GetValue<string>();
        var inProgress = await server.GetJsonAsync($"workflows/async/{jobId}");
        time.Advance(TimeSpan.FromSeconds(2));
        var success = await server.GetJsonAsync($"workflows/async/{jobId}");
        using var failing = await server.PostJsonAsync("workflows/async", server.MsaLaunchBody(a => a["counterpartySignerEmail"] = "not-an-email"));
        var failedJobId = (await IroncladTestServer.ReadJsonAsync(failing))!["asyncJobId"]!.GetValue<string>();
        time.Advance(TimeSpan.FromSeconds(2));
        var failed = await server.GetJsonAsync($"workflows/async/{failedJobId}");

        Spec.AssertValid(Spec.ComponentResponseSchema("AsyncWorkflowLaunchResponse200"), job);
        var statusSchema = Spec.ComponentResponseSchema("AsyncWorkflowStatusResponse200");
        Spec.AssertValid(statusSchema, inProgress);
        Spec.AssertValid(statusSchema, success);
        Spec.AssertValid(statusSchema, failed);
        Assert.Equal("in_progress", inProgress!["status"]!.GetValue<string>());
        Assert.Equal("success", success!["status"]!.GetValue<string>());
        Assert.Equal("failed", failed!["status"]!.GetValue<string>());
        Assert.Equal("INVALID_PARAM", failed["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task WebhookCreateAndList_MatchSpec()
    {
        using var created = await _server.Http.PostAsJsonAsync("webhooks", new { events = new[] { "workflow_launched", "workflow_completed" }, targetURL = "https://bridge.example/hooks/ironclad" });
        var createdBody = await IroncladTestServer.ReadJsonAsync(created);
        var list = await _server.GetJsonAsync("webhooks");
        var one = await _server.GetJsonAsync($"webhooks/{createdBody!["id"]}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/webhooks", "post", "201"), createdBody);
        Spec.AssertValid(Spec.ResponseSchema("/webhooks", "get", "200"), list);
        Spec.AssertValid(Spec.ResponseSchema("/webhooks/{id}", "get", "200"), one);
    }

    [Fact]
    public async Task WebhookList_IsPaged_20ByDefault_AtMost100_MatchingSpec()
    {
        for (var i = 0; i < 23; i++)
        {
            await _server.RegisterWebhookAsync(new Uri($"https://bridge{i}.example/hooks/ironclad"), "workflow_launched");
        }

        var first = await _server.GetJsonAsync("webhooks");
        var second = await _server.GetJsonAsync("webhooks?page=1");
        var sized = await _server.GetJsonAsync("webhooks?page=2&pageSize=10");
        using var tooLarge = await _server.Http.GetAsync("webhooks?pageSize=101");

        Assert.Equal(20, first!["list"]!.AsArray().Count);
        Assert.Equal(3, second!["list"]!.AsArray().Count);
        Assert.Equal(3, sized!["list"]!.AsArray().Count);
        Assert.Equal(2, sized["page"]!.GetValue<int>());
        Assert.Equal(10, sized["pageSize"]!.GetValue<int>());
        Assert.Equal(23, first["list"]!.AsArray().Concat(second["list"]!.AsArray()).Select(w => w!["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/webhooks", "get", "200"), first);
        Spec.AssertValid(Spec.ResponseSchema("/webhooks", "get", "200"), sized);
    }

    [Fact]
    public async Task DuplicateWebhookTarget_Is400InvalidParam_MatchingSpec()
    {
        var target = new Uri("https://bridge.example/hooks/ironclad");
        await _server.RegisterWebhookAsync(target, "workflow_launched");

        using var response = await _server.Http.PostAsJsonAsync("webhooks", new { events = new[] { "workflow_completed" }, targetURL = target.ToString() });
        var body = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_PARAM", body!["code"]!.GetValue<string>());
        Spec.AssertValid(Spec.ComponentResponseSchema("WebhookCreateResponse400"), body);
    }

    [Fact]
    public async Task LaunchValidationErrors_MatchSpec()
    {
        using var missing = await _server.PostJsonAsync("workflows", _server.MsaLaunchBody(a => a.Remove("counterpartySignerEmail")));
        using var invalid = await _server.PostJsonAsync("workflows", _server.MsaLaunchBody(a => a["effectiveDate"] = "15/01/2026"));
        using var unknownTemplate = await _server.PostJsonAsync("workflows", new JsonObject
        {
            ["template"] = "000000000000000000000000",
            ["attributes"] = new JsonObject { ["counterpartyName"] = "X" },
            ["creator"] = new JsonObject { ["type"] = "email", ["email"] = _server.CreatorEmail },
        });

        var launch400 = Spec.ComponentResponseSchema("WorkflowLaunchResponse400");
        Spec.AssertValid(launch400, await IroncladTestServer.ReadJsonAsync(missing));
        Spec.AssertValid(launch400, await IroncladTestServer.ReadJsonAsync(invalid));
        var notFound = await IroncladTestServer.ReadJsonAsync(unknownTemplate);
        Assert.Equal("NOT_FOUND", notFound!["code"]!.GetValue<string>());
        Spec.AssertValid(Spec.ComponentResponseSchema("BadRequestError400"), notFound);
    }

    [Fact]
    public async Task AuthAndNotFoundErrors_MatchSpec()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Http.BaseAddress };
        using var unauthorized = await anonymous.GetAsync("workflows");
        using var notFound = await _server.Http.GetAsync("workflows/IC-999");
        using var documentsNotFound = await _server.Http.GetAsync("workflows/IC-999/documents");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Spec.AssertValid(Spec.ComponentResponseSchema("UnauthorizedError401"), await IroncladTestServer.ReadJsonAsync(unauthorized));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Spec.AssertValid(Spec.ComponentResponseSchema("WorkflowNotFoundResponse404"), await IroncladTestServer.ReadJsonAsync(notFound));
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/documents", "get", "404"), await IroncladTestServer.ReadJsonAsync(documentsNotFound));
    }

    [Fact]
    public async Task PauseOutsideReview_Is400InvalidState_MatchingSpec()
    {
        var launched = await _server.LaunchAsync();
        _server.Simulator.Control.Advance(launched["id"]!.GetValue<string>());

        using var response = await _server.PostJsonAsync($"workflows/{launched["id"]}/pause", new JsonObject { ["comment"] = new JsonObject { ["message"] = "hold" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/pause", "post", "400"), await IroncladTestServer.ReadJsonAsync(response));
    }

    [Fact]
    public void SpecValidator_RejectsAWorkflowMissingRequiredFields()
    {
        var errors = Spec.Validate(Spec.ResponseSchema("/workflows/{id}", "get", "200"), new JsonObject { ["id"] = "x" });

        Assert.NotEmpty(errors);
    }
}
