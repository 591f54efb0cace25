using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Configuration;
using ContractBridge.Ironclad;
using ContractBridge.Tests.Upstream.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Tests.Ironclad;

/// <summary>What the Ironclad client puts on the wire: the query parameters and JSON bodies of Ironclad's public API.</summary>
public sealed class IroncladClientRequestTests
{
    private static readonly Uri ApiRoot = new("https://na1.ironcladapp.com/public/api/v1/");

    private const string Workflow = """{"id":"wf-1","ironcladId":"IC-1","step":"Create","status":"active"}""";

    [Fact]
    public async Task LaunchWithALegacyToken_SendsTemplateAttributesAndCreator_UsingDefaultValues()
    {
        var transport = Answering(Workflow);
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };
        var attributes = new JsonObject { ["counterpartyName"] = "Umbrella Corp", ["paperSource"] = "Counterparty paper" };

        await new IroncladClient(http, new LegacyTokenAuth("key")).LaunchWorkflowAsync("tpl-1", attributes, "contracts@acme.example", CancellationToken.None);

        var sent = Assert.Single(transport.Sent);
        Assert.Equal("https://na1.ironcladapp.com/public/api/v1/workflows?useDefaultValues=true", sent.Uri.AbsoluteUri);
        Assert.Equal(
            """{"template":"tpl-1","attributes":{"counterpartyName":"Umbrella Corp","paperSource":"Counterparty paper"},"creator":{"type":"email","email":"contracts@acme.example"}}""",
            sent.Body);
        Assert.Equal(2, attributes.Count);
    }

    [Fact]
    public async Task LaunchActingAsAUser_NamesNoCreator()
    {
        var transport = Answering(Workflow);
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };
        using var tokenHttp = new HttpClient();
        using var oauth = new ClientCredentialsAuth(tokenHttp, new Uri("https://na1.ironcladapp.com/oauth/token"), new IroncladOAuthOptions(), "contracts@acme.example", TimeProvider.System);

        await new IroncladClient(http, oauth).LaunchWorkflowAsync("tpl-1", [], "contracts@acme.example", CancellationToken.None);

        Assert.Equal("""{"template":"tpl-1","attributes":{}}""", Assert.Single(transport.Sent).Body);
    }

    [Fact]
    public async Task WorkflowList_SendsPagingStatusesSinceAndAQuotedEqualsFilter()
    {
        var transport = Answering("""{"page":0,"pageSize":50,"count":0,"list":[]}""");
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };

        await new IroncladClient(http, new LegacyTokenAuth("key")).ListWorkflowsAsync(
            2, 50, ["active", "completed"], new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)), ("kommoLeadId", "O'Brien & Co"), CancellationToken.None);

        var sent = Assert.Single(transport.Sent);
        var query = QueryHelpers.ParseQuery(sent.Uri.Query);
        Assert.Equal("/public/api/v1/workflows", sent.Uri.AbsolutePath);
        Assert.Equal(["page", "pageSize", "status", "lastUpdated", "filter"], query.Keys);
        Assert.Equal("2", query["page"]);
        Assert.Equal("50", query["pageSize"]);
        Assert.Equal("active,completed", query["status"]);
        Assert.Equal("2026-03-01T09:00:00.000Z", query["lastUpdated"]);
        Assert.Equal("Equals([kommoLeadId],'O\\'Brien & Co')", query["filter"]);
    }

    [Fact]
    public async Task Schemas_AreReadAsTheLaunchFormSeesThem()
    {
        var transport = Answering("""{"id":"tpl/1","name":"MSA"}""");
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };

        await new IroncladClient(http, new LegacyTokenAuth("key")).GetWorkflowSchemaAsync("tpl/1", CancellationToken.None);

        Assert.Equal("https://na1.ironcladapp.com/public/api/v1/workflow-schemas/tpl%2F1?form=launch", Assert.Single(transport.Sent).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task WebhookCreation_SendsEventsTargetAndStatus_AndAnUpdateLeavesTheTargetOut()
    {
        var transport = Answering("""{"id":"wh-1"}""");
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };
        var client = new IroncladClient(http, new LegacyTokenAuth("key"));

        await client.CreateWebhookAsync(new Uri("https://bridge.example/webhooks/ironclad"), ["workflow_launched"], CancellationToken.None);
        await client.UpdateWebhookAsync("wh-1", ["workflow_launched", "workflow_completed"], CancellationToken.None);

        Assert.Equal("""{"events":["workflow_launched"],"targetURL":"https://bridge.example/webhooks/ironclad","status":"enabled"}""", transport.Sent[0].Body);
        Assert.Equal(HttpMethod.Patch, transport.Sent[1].Method);
        Assert.Equal("""{"events":["workflow_launched","workflow_completed"],"status":"enabled"}""", transport.Sent[1].Body);
    }

    private static StubTransport Answering(string json) =>
        new((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
}
