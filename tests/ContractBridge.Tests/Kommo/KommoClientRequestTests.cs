using System.Net;
using ContractBridge.Kommo;
using ContractBridge.Tests.Upstream.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Tests.Kommo;

/// <summary>What the Kommo client puts on the wire: the query parameters and JSON bodies Kommo documents.</summary>
public sealed class KommoClientRequestTests
{
    private static readonly Uri ApiRoot = new("https://acme.kommo.com/api/v4/");

    [Fact]
    public async Task Leads_AreAskedForById_WithRepeatedFilterKeys_TheirContacts_AndAPage()
    {
        var transport = new StubTransport(HttpStatusCode.NoContent);
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };

        await new KommoClient(http).GetLeadsAsync([11, 12, 11], CancellationToken.None);

        var sent = Assert.Single(transport.Sent);
        var query = QueryHelpers.ParseQuery(sent.Uri.Query);
        Assert.Equal("/api/v4/leads", sent.Uri.AbsolutePath);
        Assert.Equal(["limit", "filter[id][]", "with", "page"], query.Keys);
        Assert.Equal("250", query["limit"]);
        Assert.Equal(["11", "12"], query["filter[id][]"].Select(v => v ?? ""));
        Assert.Equal("contacts", query["with"]);
        Assert.Equal("1", query["page"]);
    }

    [Fact]
    public async Task Tasks_AreAskedForByLead_WithTheEntityFilters()
    {
        var transport = new StubTransport(HttpStatusCode.NoContent);
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };

        await new KommoClient(http).GetTasksAsync([7], CancellationToken.None);

        var query = QueryHelpers.ParseQuery(Assert.Single(transport.Sent).Uri.Query);
        Assert.Equal("7", query["filter[entity_id][]"]);
        Assert.Equal("leads", query["filter[entity_type]"]);
    }

    [Fact]
    public async Task FullPage_IsFollowedByTheNextPage()
    {
        var fullPage = "{\"_embedded\":{\"notes\":[" + string.Join(',', Enumerable.Range(1, KommoClient.MaxPerRequest).Select(i => $"{{\"id\":{i},\"entity_id\":7,\"note_type\":\"common\"}}")) + "]}}";
        var transport = new StubTransport((_, attempt) => attempt == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(fullPage) }
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };

        var notes = await new KommoClient(http).GetNotesAsync([7], CancellationToken.None);

        Assert.Equal(KommoClient.MaxPerRequest, notes.Count);
        Assert.Equal(["1", "2"], transport.Sent.Select(a => QueryHelpers.ParseQuery(a.Uri.Query)["page"].ToString()));
    }

    [Fact]
    public async Task AccountWithDrive_AsksForTheDriveUrl()
    {
        var transport = new StubTransport((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":1}""") });
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };

        await new KommoClient(http).GetAccountAsync(withDriveUrl: true, CancellationToken.None);

        Assert.Equal("https://acme.kommo.com/api/v4/account?with=drive_url", Assert.Single(transport.Sent).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task WebhookRegistration_SendsDestinationSettingsAndSort()
    {
        var transport = new StubTransport((_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"id":3,"destination":"https://bridge.example/webhooks/kommo","settings":["status_lead"]}"""),
        });
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };

        await new KommoClient(http).RegisterWebhookAsync(new Uri("https://bridge.example/webhooks/kommo"), ["status_lead"], CancellationToken.None);

        Assert.Equal("""{"destination":"https://bridge.example/webhooks/kommo","settings":["status_lead"],"sort":10}""", Assert.Single(transport.Sent).Body);
    }

    [Fact]
    public async Task Upload_OpensASessionWithTheFilesNameSizeAndType_ThenSendsTheBytes()
    {
        var transport = new StubTransport((request, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(request.RequestUri!.AbsolutePath.EndsWith("/sessions", StringComparison.Ordinal)
                ? """{"upload_url":"https://drive-b.kommo.com/upload/s1","max_part_size":524288}"""
                : """{"uuid":"f-1","version_uuid":"v-1","name":"MSA.pdf","size":3}"""),
        });
        using var http = new HttpClient(transport) { BaseAddress = ApiRoot };

        var file = await new KommoClient(http).UploadFileAsync("https://drive-b.kommo.com", "MSA.pdf", "application/pdf", "PDF"u8.ToArray(), CancellationToken.None);

        Assert.Equal("https://drive-b.kommo.com/v1.0/sessions", transport.Sent[0].Uri.AbsoluteUri);
        Assert.Equal("""{"file_name":"MSA.pdf","file_size":3,"content_type":"application/pdf"}""", transport.Sent[0].Body);
        Assert.Equal("https://drive-b.kommo.com/upload/s1", transport.Sent[1].Uri.AbsoluteUri);
        Assert.Equal("PDF", transport.Sent[1].Body);
        Assert.Equal(("f-1", "v-1", "MSA.pdf", 3L), (file.Uuid, file.VersionUuid, file.Name, file.Size));
    }
}
