using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>
/// PATCH /workflows/{id}/attributes as Ironclad's description has it: only in Review, never read-only or document
/// attributes, values of the attribute's type, required ones not removed, all or nothing; every answer validated
/// against the OpenAPI description.
/// </summary>
public sealed class AttributeUpdateTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Spec = OpenApiDocument.Ironclad;
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task InReview_SetsOnlyTheGivenAttributes_AnswersTheWorkflowMatchingSpec_AndKeepsTheComment()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        var (status, body) = await PatchAsync(id, Set("contractValue", new JsonObject { ["currency"] = "USD", ["amount"] = 30000 }), "Budget raised in Kommo");

        Assert.Equal(HttpStatusCode.OK, status);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/attributes", "patch", "200"), body);
        Assert.Equal(30000, body!["attributes"]!["contractValue"]!["amount"]!.GetValue<int>());
        Assert.Equal("Acme Corp", body["attributes"]!["counterpartyName"]!.GetValue<string>());
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}", "get", "200"), await _server.GetJsonAsync($"workflows/{id}"));
        var snapshot = _server.Simulator.Control.Workflow(id)!;
        var update = Assert.Single(snapshot.AttributeUpdates);
        Assert.Equal("Budget raised in Kommo", update.Comment);
        Assert.Equal(["contractValue"], update.Changes.Keys);
        Assert.Contains(snapshot.Events, e => e.Event == WebhookEvents.WorkflowAttributeUpdated);
    }

    [Fact]
    public async Task PastReview_Is400InvalidState_MatchingSpec_AndChangesNothing()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();
        _server.Simulator.Control.Advance(id);

        var (status, body) = await PatchAsync(id, Set("counterpartyName", "Other Corp"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_STATE", body!["code"]!.GetValue<string>());
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/attributes", "patch", "400"), body);
        Assert.Equal("Acme Corp", _server.Simulator.Control.Workflow(id)!.Attributes["counterpartyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadOnlyAttribute_IsRefused_AndTheSchemaSaysReadOnly()
    {
        _server.Simulator.Control.PublishTemplate(new TemplateDefinition("Locked",
        [
            new("counterpartyName", AttributeTypes.String, "Counterparty Name", Required: true),
            new("contractNumber", AttributeTypes.String, "Contract Number", ReadOnly: true),
        ]));
        var launch = new JsonObject
        {
            ["template"] = _server.Template("Locked").Id,
            ["attributes"] = new JsonObject { ["counterpartyName"] = "Acme", ["contractNumber"] = "C-1" },
            ["creator"] = new JsonObject { ["type"] = "email", ["email"] = _server.CreatorEmail },
        };
        var launched = await _server.LaunchAsync(launch);
        var id = launched["id"]!.GetValue<string>();

        var (status, body) = await PatchAsync(id, Set("counterpartyName", "Acme 2"), Set("contractNumber", "C-2"));

        Assert.True(launched["schema"]!["contractNumber"]!["readOnly"]!.GetValue<bool>());
        Assert.False(launched["schema"]!["counterpartyName"]!["readOnly"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Cannot patch read-only attribute contractNumber", body!["message"]!.GetValue<string>());
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/attributes", "patch", "400"), body);
        Assert.Equal("Acme", _server.Simulator.Control.Workflow(id)!.Attributes["counterpartyName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"action":"set","path":"termMonths","value":"twelve"}""", "form validation failed")]
    [InlineData("""{"action":"set","path":"counterpartySignerEmail","value":"not an email"}""", "form validation failed")]
    [InlineData("""{"action":"remove","path":"counterpartyName"}""", "form validation failed")]
    [InlineData("""{"action":"set","path":"noSuchField","value":"x"}""", "non-existent attribute(s) specified: noSuchField")]
    [InlineData("""{"action":"set","path":"draft","value":[]}""", "document attribute draft")]
    [InlineData("""{"action":"set","path":"counterpartyName","value":"Acme Corp"}""", "No information changed")]
    public async Task BadUpdates_Are400InvalidParam_MatchingSpec(string update, string message)
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        var (status, body) = await PatchAsync(id, JsonNode.Parse(update)!.AsObject());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAM", body!["code"]!.GetValue<string>());
        Assert.Contains(message, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Spec.AssertValid(Spec.ResponseSchema("/workflows/{id}/attributes", "patch", "400"), body);
        Assert.Empty(_server.Simulator.Control.Workflow(id)!.AttributeUpdates);
    }

    [Fact]
    public async Task OneBadUpdate_ChangesNothing()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        var (status, _) = await PatchAsync(id, Set("counterpartyName", "Changed"), Set("termMonths", "many"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Acme Corp", _server.Simulator.Control.Workflow(id)!.Attributes["counterpartyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task RemovingAnOptionalAttribute_ClearsIt()
    {
        var id = (await _server.LaunchAsync())["id"]!.GetValue<string>();

        var (status, body) = await PatchAsync(id, JsonNode.Parse("""{"action":"remove","path":"autoRenew"}""")!.AsObject());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["attributes"]!["autoRenew"]);
    }

    private static JsonObject Set(string path, JsonNode value) => new() { ["action"] = "set", ["path"] = path, ["value"] = value };

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(string id, params JsonObject[] updates) => await PatchAsync(id, updates, null);

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(string id, JsonObject update, string comment) => await PatchAsync(id, [update], comment);

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(string id, JsonObject[] updates, string? comment)
    {
        var body = new JsonObject { ["updates"] = new JsonArray([.. updates]) };
        if (comment is not null)
        {
            body["comment"] = comment;
        }

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"workflows/{id}/attributes")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await _server.Http.SendAsync(request);
        return (response.StatusCode, await IroncladTestServer.ReadJsonAsync(response));
    }
}
