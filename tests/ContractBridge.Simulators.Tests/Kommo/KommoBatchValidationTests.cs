using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>
/// Batch writes are all or nothing: one invalid item refuses the whole request, and the 400 names each invalid item by
/// the client's own request_id (else its index), so a client can send the others again without it.
/// </summary>
public sealed class KommoBatchValidationTests
{
    [Fact]
    public async Task PostNotes_WithClientRequestIds_EchoesThemInTheCreatedNotes()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes", $$"""
            [{"entity_id":{{account.FullLeadId}},"note_type":"common","params":{"text":"a"},"request_id":"job-41"},
             {"entity_id":{{account.OtherLeadId}},"note_type":"common","params":{"text":"b"} }]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notes = await EmbeddedAsync(response, "notes");
        Assert.Equal(["job-41", "1"], notes.Select(n => (string)n!["request_id"]!).ToList());
    }

    [Fact]
    public async Task PostNotes_OneForADeletedLead_RefusesTheBatch_NamingThatItemsRequestId_AndWritesNothing()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.DeleteLead(account.OtherLeadId);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes", $$"""
            [{"entity_id":{{account.FullLeadId}},"note_type":"common","params":{"text":"fine"},"request_id":"7"},
             {"entity_id":{{account.OtherLeadId}},"note_type":"common","params":{"text":"gone"},"request_id":"8"}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failure = Assert.Single(await ValidationErrorsAsync(response))!;
        Assert.Equal("8", (string)failure["request_id"]!);
        var error = failure["errors"]!.AsArray().Single()!;
        Assert.Equal(("NotFound", "entity_id"), ((string)error["code"]!, (string)error["path"]!));
        Assert.Empty(kommo.Control.GetNotes());
    }

    [Fact]
    public async Task PostTasks_WithClientRequestIds_EchoesThemInTheCreatedTasks()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/tasks", $$"""
            [{"text":"Call","complete_till":1700000000,"entity_id":{{account.FullLeadId}},"entity_type":"leads","request_id":"12"},
             {"text":"Mail","complete_till":1700000000,"entity_id":{{account.OtherLeadId}},"entity_type":"leads","request_id":"13"}]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tasks = await EmbeddedAsync(response, "tasks");
        Assert.Equal(["12", "13"], tasks.Select(t => (string)t!["request_id"]!).ToList());
    }

    [Fact]
    public async Task PostTasks_BadTaskTypeOrBlankText_RefusesTheBatch_NamingEachItem_AndWritesNothing()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/tasks", $$"""
            [{"text":"Call","complete_till":1700000000,"entity_id":{{account.FullLeadId}},"entity_type":"leads","task_type_id":99,"request_id":"a"},
             {"text":"  ","complete_till":1700000000,"entity_id":{{account.OtherLeadId}},"entity_type":"leads"},
             {"text":"Fine","complete_till":1700000000,"entity_id":{{account.OtherLeadId}},"entity_type":"leads","request_id":"c"}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failures = await ValidationErrorsAsync(response);
        Assert.Equal(["a", "1"], failures.Select(f => (string)f!["request_id"]!).ToList());
        Assert.Equal(("NotSupportedChoice", "task_type_id"), Error(failures[0]!));
        Assert.Equal(("NotBlank", "text"), Error(failures[1]!));
        Assert.Empty(kommo.Control.GetTasks());
    }

    [Fact]
    public async Task PostTasks_ForADeletedLead_IsNotFoundOnEntityId()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.DeleteLead(account.FullLeadId);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/tasks", $$"""
            [{"text":"Call","complete_till":1700000000,"entity_id":{{account.FullLeadId}},"entity_type":"leads","request_id":"5"}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failure = Assert.Single(await ValidationErrorsAsync(response))!;
        Assert.Equal("5", (string)failure["request_id"]!);
        Assert.Equal(("NotFound", "entity_id"), Error(failure));
    }

    [Fact]
    public async Task BatchPatch_UnknownStatusOrDeletedLead_NamesTheClientsRequestIds_AndChangesNothing()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.DeleteLead(account.BareLeadId);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""
            [{"id":{{account.FullLeadId}},"status_id":{{account.SendContract}},"pipeline_id":{{account.Sales.Id}},"request_id":"31"},
             {"id":{{account.OtherLeadId}},"status_id":99,"pipeline_id":{{account.Sales.Id}},"request_id":"32"},
             {"id":{{account.BareLeadId}},"status_id":142,"pipeline_id":{{account.Sales.Id}},"request_id":"33"}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failures = await ValidationErrorsAsync(response);
        Assert.Equal(["32", "33"], failures.Select(f => (string)f!["request_id"]!).ToList());
        Assert.Equal(("NotSupportedChoice", "status_id"), Error(failures[0]!));
        Assert.Equal(("NotFound", "id"), Error(failures[1]!));
        Assert.Equal(account.Sales.StatusId("New"), kommo.Control.GetLead(account.FullLeadId)!.StatusId);
    }

    [Fact]
    public async Task DeleteLeadOverHttp_RemovesTheLeadWithItsNotesAndTasks()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        using var note = await kommo.SendJsonAsync(HttpMethod.Post, $"api/v4/leads/{account.OtherLeadId}/notes", """[{"note_type":"common","params":{"text":"hi"} }]""");
        using var task = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/tasks", $$"""
            [{"text":"Call","complete_till":1700000000,"entity_id":{{account.OtherLeadId}},"entity_type":"leads"}]
            """);

        await kommo.ControlClient().DeleteLeadAsync(account.OtherLeadId);
        using var lead = await kommo.Api.GetAsync(new Uri($"api/v4/leads/{account.OtherLeadId}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (note.StatusCode, task.StatusCode));
        Assert.Equal(HttpStatusCode.NoContent, lead.StatusCode);
        Assert.Null(kommo.Control.GetLead(account.OtherLeadId));
        Assert.Empty(kommo.Control.GetNotes());
        Assert.Empty(kommo.Control.GetTasks());
        Assert.NotNull(kommo.Control.GetLead(account.FullLeadId));
    }

    [Fact]
    public async Task DeleteLead_ThatDoesNotExist_IsRefusedSayingSo()
    {
        await using var kommo = await KommoTestServer.StartAsync();

        var refused = Assert.Throws<ArgumentException>(() => kommo.Control.DeleteLead(424242));

        Assert.Contains("Lead 424242 does not exist", refused.Message, StringComparison.Ordinal);
    }

    private static (string Code, string Path) Error(JsonNode failure)
    {
        var error = failure["errors"]!.AsArray().Single()!;
        return ((string)error["code"]!, (string)error["path"]!);
    }

    private static async Task<JsonArray> ValidationErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]!.AsArray();
    }

    private static async Task<JsonArray> EmbeddedAsync(HttpResponseMessage response, string name) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["_embedded"]![name]!.AsArray();
}
