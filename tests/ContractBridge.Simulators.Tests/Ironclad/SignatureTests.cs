using System.Globalization;
using System.Net;
using System.Text;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Tests.Ironclad.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>Signature packets of several documents, signers who sign one by one, and reminders as Ironclad limits them.</summary>
public sealed class SignatureTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public async Task TemplateExhibits_AreInEveryPacket_AfterTheMainContract_AndEachIsSignedAndDownloadable()
    {
        var msa = SampleTemplates.Msa with { Exhibits = ["Exhibit A - Order Form.pdf", "Exhibit B - Pricing.pdf"] };
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { SampleTemplates = false, Templates = [msa] });
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();

        server.Simulator.Control.AdvanceTo(id, WorkflowStage.Signed);
        var packet = (await server.GetJsonAsync($"workflows/{id}/documents"))!["signaturePacketDocuments"]!.AsArray();
        var exhibit = Encoding.Latin1.GetString(await DownloadAsync(server, packet[2]!["download"]!.GetValue<string>()));

        Assert.Equal(["MSA - IC-1.pdf", "Exhibit A - Order Form.pdf", "Exhibit B - Pricing.pdf"], packet.Select(d => d!["filename"]!.GetValue<string>()));
        Assert.Equal(3, packet.Select(d => d!["key"]!.GetValue<string>()).Distinct().Count());
        Assert.All(packet, d => Assert.Equal(2, d!["versionNumber"]!.GetValue<int>()));
        Assert.Contains("Document: Exhibit B - Pricing.pdf", exhibit, StringComparison.Ordinal);
        Assert.Contains("Status: signed", exhibit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADocumentLeftOutOfThePacket_IsListedApart_AndNeverSigned()
    {
        await using var server = await IroncladTestServer.StartAsync();
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();
        server.Simulator.Control.AddDocument(id, "Internal notes.docx", inSignaturePacket: false);

        server.Simulator.Control.AdvanceTo(id, WorkflowStage.Signed);
        var excluded = Assert.Single((await server.GetJsonAsync($"workflows/{id}/documents"))!["excludedFromSignaturePacketDocuments"]!.AsArray());
        using var download = await server.Http.GetAsync(new Uri(server.Simulator.BaseUrl, excluded!["download"]!.GetValue<string>()));

        Assert.Equal(1, excluded["versionNumber"]!.GetValue<int>());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AddingADocumentPastReview_IsRefused()
    {
        await using var server = await IroncladTestServer.StartAsync();
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();
        server.Simulator.Control.Advance(id);

        var refused = Assert.Throws<Simulators.Ironclad.Api.IroncladApiException>(() => server.Simulator.Control.AddDocument(id, "Late.pdf"));

        Assert.Equal(409, refused.StatusCode);
    }

    [Fact]
    public async Task TheLastSignature_CompletesThePacket_WithTheFullySignedEvents_AndOneUnsignedSignerKeepsItInSign()
    {
        await using var server = await IroncladTestServer.StartAsync();
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();
        server.Simulator.Control.Advance(id);

        var oneSigned = server.Simulator.Control.Sign(id, IroncladState.CompanySignerRole);
        var allSigned = server.Simulator.Control.Sign(id, IroncladState.CounterpartySignerRole);

        Assert.Equal(WorkflowStage.Sign, oneSigned.Stage);
        Assert.DoesNotContain(oneSigned.Events, e => e.Event == "workflow_signature_packet_fully_signed");
        Assert.Equal(WorkflowStage.Signed, allSigned.Stage);
        Assert.Contains(allSigned.Events, e => e.Event == "workflow_signature_packet_fully_signed");
        Assert.All(allSigned.Signers, s => Assert.NotNull(s.SignedAt));
    }

    [Fact]
    public async Task RevertToReview_WithdrawsThePacket_AndItsSignatures()
    {
        await using var server = await IroncladTestServer.StartAsync();
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();
        server.Simulator.Control.Advance(id);
        server.Simulator.Control.Sign(id, IroncladState.CounterpartySignerRole);

        server.Simulator.Control.RevertToReview(id);
        var resent = server.Simulator.Control.Advance(id);

        Assert.All(resent.Signers, s => Assert.Equal(SignerStatus.Sent, s.Status));
    }

    [Fact]
    public async Task Reminders_AreRecorded_OneAnHourPerSigner_ThenAgain()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions(), _time);
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();
        server.Simulator.Control.Advance(id);
        var path = $"workflows/{id}/sign-status/signers/{Uri.EscapeDataString(IroncladState.CounterpartySignerRole)}/remind";

        using var first = await server.Http.PostAsync(path, null);
        using var other = await server.Http.PostAsync($"workflows/{id}/sign-status/signers/Company%20Signer/remind", null);
        _time.Advance(TimeSpan.FromMinutes(59));
        using var tooSoon = await server.Http.PostAsync(path, null);
        _time.Advance(TimeSpan.FromMinutes(1));
        using var later = await server.Http.PostAsync(path, null);

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.TooManyRequests, HttpStatusCode.NoContent], new[] { first.StatusCode, other.StatusCode, tooSoon.StatusCode, later.StatusCode });
        var reminders = server.Simulator.Control.Workflow(id)!.Reminders;
        Assert.Equal(["Counterparty Signer", "Company Signer", "Counterparty Signer"], reminders.Select(r => r.RoleName));
        Assert.Equal("jane.roe@acme.example", reminders[0].Email);
        Assert.Equal(1, server.Simulator.Control.Calls().TooManyRequests);
    }

    [Fact]
    public async Task RemindingAnUnknownRole_Is404_AndASignerWhoSigned_Is400()
    {
        await using var server = await IroncladTestServer.StartAsync();
        var id = (await server.LaunchAsync())["id"]!.GetValue<string>();
        server.Simulator.Control.Advance(id);
        server.Simulator.Control.Sign(id, IroncladState.CounterpartySignerRole);

        using var unknown = await server.Http.PostAsync($"workflows/{id}/sign-status/signers/Witness/remind", null);
        using var signed = await server.Http.PostAsync($"workflows/{id}/sign-status/signers/Counterparty%20Signer/remind", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signed.StatusCode);
        Assert.Empty(server.Simulator.Control.Workflow(id)!.Reminders);
    }

    private static async Task<byte[]> DownloadAsync(IroncladTestServer server, string download)
    {
        using var response = await server.Http.GetAsync(new Uri(server.Simulator.BaseUrl, download));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
