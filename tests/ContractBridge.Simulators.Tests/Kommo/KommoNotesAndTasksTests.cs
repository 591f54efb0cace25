using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

public sealed class KommoNotesAndTasksTests
{
    [Fact]
    public async Task PostNotes_BatchAcrossLeads_CreatesEveryNoteAndAnswersIdsWithRequestIds()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes", $$"""
            [{"entity_id":{{account.FullLeadId}},"note_type":"common","params":{"text":"Contract launched in Ironclad"} },
             {"entity_id":{{account.OtherLeadId}},"note_type":"service_message","params":{"service":"ContractBridge","text":"Signed"} }]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notes = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["_embedded"]!["notes"]!.AsArray();
        Assert.Equal([account.FullLeadId, account.OtherLeadId], notes.Select(n => (long)n!["entity_id"]!).ToList());
        Assert.Equal(["0", "1"], notes.Select(n => (string)n!["request_id"]!).ToList());
        var written = kommo.Control.GetLead(account.FullLeadId)!.Notes.Single();
        Assert.Equal(("common", "Contract launched in Ironclad"), (written.NoteType, written.Text));
        Assert.Equal("ContractBridge", (string)kommo.Control.GetLead(account.OtherLeadId)!.Notes.Single().Params["service"]!);
    }

    [Fact]
    public async Task PostLeadNotes_ById_AddsTheNoteToThatLead()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, $"api/v4/leads/{account.BareLeadId}/notes", """[{"note_type":"common","params":{"text":"hello"} }]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", kommo.Control.GetLead(account.BareLeadId)!.Notes.Single().Text);
    }

    [Fact]
    public async Task GetNotes_FilteredByEntityAndType_FindsNotesTheClientAlreadyWrote()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        using var created = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes", $$"""
            [{"entity_id":{{account.FullLeadId}},"note_type":"common","params":{"text":"a"} },
             {"entity_id":{{account.FullLeadId}},"note_type":"service_message","params":{"service":"CB","text":"b"} },
             {"entity_id":{{account.OtherLeadId}},"note_type":"service_message","params":{"service":"CB","text":"c"} }]
            """);

        var byType = await kommo.GetJsonAsync($"api/v4/leads/notes?filter[entity_id][]={account.FullLeadId}&filter[entity_id][]={account.OtherLeadId}&filter[note_type]=service_message");
        var ofLead = await kommo.GetJsonAsync($"api/v4/leads/{account.FullLeadId}/notes");
        using var none = await kommo.Api.GetAsync(new Uri($"api/v4/leads/{account.BareLeadId}/notes", UriKind.Relative));

        Assert.Equal(["b", "c"], byType["_embedded"]!["notes"]!.AsArray().Select(n => (string)n!["params"]!["text"]!).ToList());
        var first = ofLead["_embedded"]!["notes"]![0]!;
        Assert.Equal("common", (string)first["note_type"]!);
        Assert.True((long)first["created_at"]! > 0);
        Assert.Equal(2, ofLead["_embedded"]!["notes"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }

    [Fact]
    public async Task PostNotes_UnknownTypeOrMissingText_Answers400AndCreatesNothing()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes", $$"""
            [{"entity_id":{{account.FullLeadId}},"note_type":"common","params":{"text":"fine"} },
             {"entity_id":{{account.FullLeadId}},"note_type":"sticker","params":{ } },
             {"entity_id":{{account.FullLeadId}},"note_type":"common","params":{ } }]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failures = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]!.AsArray();
        Assert.Equal(["1", "2"], failures.Select(f => (string)f!["request_id"]!).ToList());
        Assert.Equal("note_type", (string)failures[0]!["errors"]![0]!["path"]!);
        Assert.Equal("params.text", (string)failures[1]!["errors"]![0]!["path"]!);
        Assert.Empty(kommo.Control.GetNotes());
    }

    [Fact]
    public async Task PostAttachmentNote_ForAFileNeverUploaded_Answers400OnFileUuid()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes", $$"""
            [{"entity_id":{{account.FullLeadId}},"note_type":"attachment",
              "params":{"file_uuid":"{{Guid.NewGuid()}}","version_uuid":"{{Guid.NewGuid()}}","file_name":"contract.pdf"} }]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]![0]!["errors"]![0]!;
        Assert.Equal("params.file_uuid", (string)error["path"]!);
    }

    [Fact]
    public async Task PostTasks_ThenGetByEntity_ReturnsTheTasksOfThoseLeads()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var due = DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeSeconds();

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/tasks", $$"""
            [{"text":"Chase the signature","complete_till":{{due}},"entity_id":{{account.FullLeadId}},"entity_type":"leads","task_type_id":1,"responsible_user_id":{{account.RepId}} },
             {"text":"Call Initech","complete_till":{{due}},"entity_id":{{account.OtherLeadId}},"entity_type":"leads"}]
            """);
        var listed = await kommo.GetJsonAsync($"api/v4/tasks?filter[entity_id][]={account.FullLeadId}&filter[entity_type]=leads");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["_embedded"]!["tasks"]!.AsArray().Select(t => (long)t!["id"]!).ToList();
        Assert.Equal(2, ids.Count);
        var task = listed["_embedded"]!["tasks"]!.AsArray().Single()!;
        Assert.Equal(("Chase the signature", due, account.RepId, false), ((string)task["text"]!, (long)task["complete_till"]!, (long)task["responsible_user_id"]!, (bool)task["is_completed"]!));
        Assert.Equal(due, kommo.Control.GetLead(account.FullLeadId)!.Tasks.Single().CompleteTill);
        Assert.Equal(due, (long)(await kommo.GetJsonAsync($"api/v4/leads/{account.FullLeadId}"))["closest_task_at"]!);
    }

    [Fact]
    public async Task PostTasks_WithoutTextOrForAMissingLead_Answers400()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/tasks", """
            [{"complete_till":1700000000,"entity_id":1,"entity_type":"leads"}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]![0]!["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToList();
        Assert.Equal(["text", "entity_id"], paths);
        Assert.Empty(kommo.Control.GetTasks());
    }
}
