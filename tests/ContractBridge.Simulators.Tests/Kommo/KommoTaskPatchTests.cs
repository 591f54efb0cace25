using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>PATCH /api/v4/tasks (batch, each item naming its task by id) and PATCH /api/v4/tasks/{id}, as Kommo answers them.</summary>
public sealed class KommoTaskPatchTests
{
    [Fact]
    public async Task PatchTasks_MovesCompleteTillAndText_AnswersIdsUpdatedAtAndRequestIds()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var taskId = await CreateTaskAsync(kommo, account.FullLeadId, account.RepId);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/tasks", $$"""
            [{"id":{{taskId}},"complete_till":1800000000,"text":"Renew by March","request_id":"r1"}]
            """);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = body["_embedded"]!["tasks"]!.AsArray().Single()!;
        Assert.Equal((taskId, "r1"), ((long)updated["id"]!, (string)updated["request_id"]!));
        Assert.NotNull(updated["updated_at"]);
        var task = kommo.Control.GetLead(account.FullLeadId)!.Tasks.Single();
        Assert.Equal((1800000000L, "Renew by March", account.RepId), (task.CompleteTill, task.Text, task.ResponsibleUserId));
    }

    [Fact]
    public async Task PatchOneTask_ById_AnswersOnlyIdAndUpdatedAt()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var taskId = await CreateTaskAsync(kommo, account.FullLeadId, account.RepId);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/tasks/{taskId}", """{"is_completed":true,"complete_till":1800000500}""");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["id", "updated_at", "_links"], body.Select(p => p.Key));
        var task = kommo.Control.GetLead(account.FullLeadId)!.Tasks.Single();
        Assert.Equal((true, 1800000500L, "Chase the signature"), (task.IsCompleted, task.CompleteTill, task.Text));
    }

    [Fact]
    public async Task PatchTasks_AnUnknownTaskOrBlankText_Answers400NamingTheItem_AndChangesNothing()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var taskId = await CreateTaskAsync(kommo, account.FullLeadId, account.RepId);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/tasks", $$"""
            [{"id":{{taskId}},"complete_till":1800000000,"request_id":"ok"},{"id":999999,"complete_till":1,"request_id":"gone"},{"id":{{taskId}},"text":" ","request_id":"blank"}]
            """);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]!.AsArray();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["gone", "blank"], errors.Select(e => (string)e!["request_id"]!));
        Assert.Equal("Chase the signature", kommo.Control.GetLead(account.FullLeadId)!.Tasks.Single().Text);
        Assert.NotEqual(1800000000L, kommo.Control.GetLead(account.FullLeadId)!.Tasks.Single().CompleteTill);
    }

    private static async Task<long> CreateTaskAsync(KommoTestServer kommo, long leadId, long userId)
    {
        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/tasks", $$"""
            [{"text":"Chase the signature","complete_till":1700000000,"entity_id":{{leadId}},"entity_type":"leads","responsible_user_id":{{userId}} }]
            """);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["_embedded"]!["tasks"]![0]!["id"]!;
    }
}
