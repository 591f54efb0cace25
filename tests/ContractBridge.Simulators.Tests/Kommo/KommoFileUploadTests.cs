using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

public sealed class KommoFileUploadTests
{
    [Fact]
    public async Task UploadInParts_ThenAttachmentNote_KeepsTheBytesAndShowsTheAttachmentOnTheLead()
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { DriveMaxPartSize = 1024 });
        var account = TestAccount.Seed(kommo.Control);
        var pdf = RandomNumberGenerator.GetBytes(2500);

        var driveUrl = (string)(await kommo.GetJsonAsync("api/v4/account?with=drive_url"))["drive_url"]!;
        using var opened = await kommo.Api.PostAsJsonAsync(new Uri($"{driveUrl}/v1.0/sessions"),
            new { file_name = "Globex MSA (signed).pdf", file_size = pdf.Length, content_type = "application/pdf" });
        var session = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!;
        var partSize = (int)session["max_part_size"]!;
        var url = (string)session["upload_url"]!;
        JsonNode? answer = null;
        var parts = 0;
        for (var offset = 0; offset < pdf.Length; offset += partSize)
        {
            using var content = new ByteArrayContent(pdf, offset, Math.Min(partSize, pdf.Length - offset));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var uploaded = await kommo.Anonymous.PostAsync(new Uri(url), content);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
            answer = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
            url = (string?)answer["next_url"] ?? url;
            parts++;
        }

        var fileUuid = (string)answer!["uuid"]!;
        var versionUuid = (string)answer["version_uuid"]!;
        using var note = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes", $$"""
            [{"entity_id":{{account.FullLeadId}},"note_type":"attachment","params":{"file_uuid":"{{fileUuid}}","version_uuid":"{{versionUuid}}","file_name":"Globex MSA (signed).pdf"} }]
            """);

        Assert.Equal(3, parts);
        Assert.Equal(1024, partSize);
        Assert.Equal(("Globex MSA (signed).pdf", pdf.Length), ((string)answer["name"]!, (int)answer["size"]!));
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        var attachment = kommo.Control.GetLead(account.FullLeadId)!.Attachments.Single();
        Assert.Equal(("Globex MSA (signed).pdf", pdf.Length), (attachment.FileName, attachment.Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), attachment.Sha256);
        Assert.Equal(pdf, kommo.Control.GetFileContent(Guid.Parse(fileUuid)));
    }

    [Fact]
    public async Task UploadPart_LargerThanMaxPartSize_Answers413AndKeepsNothing()
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { DriveMaxPartSize = 16 });
        using var opened = await kommo.Api.PostAsJsonAsync(new Uri("drive/v1.0/sessions", UriKind.Relative),
            new { file_name = "big.bin", file_size = 32, content_type = "application/octet-stream" });
        var url = (string)JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["upload_url"]!;

        using var content = new ByteArrayContent(new byte[32]);
        using var uploaded = await kommo.Anonymous.PostAsync(new Uri(url), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, uploaded.StatusCode);
        Assert.Empty(kommo.Control.GetFiles());
    }

    [Fact]
    public async Task OpenSession_WithoutToken_Answers401()
    {
        await using var kommo = await KommoTestServer.StartAsync();

        using var opened = await kommo.Anonymous.PostAsJsonAsync(new Uri("drive/v1.0/sessions", UriKind.Relative), new { file_name = "a.pdf", file_size = 1 });

        Assert.Equal(HttpStatusCode.Unauthorized, opened.StatusCode);
    }
}
