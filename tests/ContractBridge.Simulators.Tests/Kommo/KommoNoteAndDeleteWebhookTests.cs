using System.Net;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>
/// note_lead and delete_lead as Kommo sends them: a note under <c>leads[note][i][note][...]</c> with v2's names (element_id,
/// note_type 4, created_by…), for notes people write and notes written through the API alike; a deletion under
/// <c>leads[delete][i]</c> with only id, status_id and pipeline_id.
/// </summary>
public sealed class KommoNoteAndDeleteWebhookTests
{
    [Fact]
    public async Task ARepsNote_SendsNoteLead_WithTheRepAsAuthor_InV2Names()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "note_lead");

        var noteId = await kommo.ControlClient().WriteNoteAsync(new WriteNote { LeadId = account.FullLeadId, Text = "@legal can we cap liability at 1x?" });
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal("application/x-www-form-urlencoded", hook.ContentType);
        Assert.Equal(account.FullLeadId.ToString(), hook["leads[note][0][note][element_id]"]);
        Assert.Equal("2", hook["leads[note][0][note][element_type]"]);
        Assert.Equal("4", hook["leads[note][0][note][note_type]"]);
        Assert.Equal("@legal can we cap liability at 1x?", hook["leads[note][0][note][text]"]);
        Assert.Equal(noteId.ToString(), hook["leads[note][0][note][id]"]);
        Assert.Equal(account.RepId.ToString(), hook["leads[note][0][note][created_by]"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", hook["leads[note][0][note][date_create]"]);
        Assert.True(long.Parse(hook["leads[note][0][note][created_at]"]) > 0);
        Assert.Equal("acme", hook["account[subdomain]"]);
        var stored = Assert.Single(kommo.Control.GetLead(account.FullLeadId)!.Notes);
        Assert.Equal((noteId, account.RepId, "common"), (stored.Id, stored.CreatedBy, stored.NoteType));
    }

    [Fact]
    public async Task NotesWrittenThroughTheApi_SendNoteLeadToo_AsTheIntegrationsUser()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "note_lead");

        using var created = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes",
            $$$"""[{"entity_id":{{{account.FullLeadId}}},"note_type":"common","params":{"text":"first"}},{"entity_id":{{{account.OtherLeadId}}},"note_type":"common","params":{"text":"second"}}]""");
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal([0, 1], hook.LeadIndexes("note"));
        Assert.Equal(("first", "second"), (hook["leads[note][0][note][text]"], hook["leads[note][1][note][text]"]));
        var owner = kommo.Control.GetNotes().First().CreatedBy;
        Assert.NotEqual(account.RepId, owner);
        Assert.Equal(owner.ToString(), hook["leads[note][0][note][created_by]"]);
    }

    [Fact]
    public async Task DeletingALead_SendsDeleteLead_WithIdStageAndPipelineOnly()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "delete_lead", "note_lead");
        var lead = kommo.Control.GetLead(account.FullLeadId)!;

        await kommo.ControlClient().DeleteLeadAsync(account.FullLeadId);
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal(
            [
                new("leads[delete][0][id]", account.FullLeadId.ToString()),
                new("leads[delete][0][status_id]", lead.StatusId.ToString()),
                new("leads[delete][0][pipeline_id]", lead.PipelineId.ToString()),
            ],
            hook.Fields.Where(f => f.Key.StartsWith("leads", StringComparison.Ordinal)).ToList());
        Assert.Null(kommo.Control.GetLead(account.FullLeadId));
    }

    [Fact]
    public async Task ARegistrationWithoutTheSetting_GetsNeitherNotesNorDeletions()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "status_lead");

        kommo.Control.WriteNote(new WriteNote { LeadId = account.FullLeadId, Text = "hello" });
        kommo.Control.DeleteLead(account.OtherLeadId);
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.True(hook.Has("leads[status][0][id]"));
        Assert.DoesNotContain(kommo.Control.EmittedWebhooks, w => w.Actions.Contains("note") || w.Actions.Contains("delete"));
    }

    private static async Task RegisterAsync(KommoTestServer kommo, WebhookReceiver receiver, params string[] settings)
    {
        var list = string.Join(',', settings.Select(s => $"\"{s}\""));
        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/webhooks", $$"""{"destination":"{{receiver.Url}}","settings":[{{list}}],"sort":10}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
