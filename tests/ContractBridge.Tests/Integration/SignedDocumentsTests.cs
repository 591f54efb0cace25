using System.Text;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration;

/// <summary>An executed contract's signature packet of several documents: every one attached to the deal once, named as in Ironclad.</summary>
public sealed class SignedDocumentsTests
{
    private const string Exhibit = "Exhibit A - Order Form.pdf";

    [Fact]
    public async Task TwoSignedDocuments_AreAttachedOnceEach_UnderTheirIroncladNames()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Stark Industries");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AddDocument(workflow.Id, Exhibit);
        bridge.Ironclad.Control.AddDocument(workflow.Id, "Internal notes.docx", inSignaturePacket: false);

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        await Eventually.TrueAsync(() => bridge.Kommo.Control.GetLead(lead)!.Attachments.Count == 2, "both signed documents", explain: bridge.Explain);
        await ReconcilerSteps.IdleAsync(bridge);

        var attachments = bridge.Kommo.Control.GetLead(lead)!.Attachments;
        Assert.Equal([Exhibit, $"MSA - {workflow.IroncladId}.pdf"], attachments.Select(a => a.FileName).Order(StringComparer.Ordinal));
        var exhibit = Encoding.Latin1.GetString(bridge.Kommo.Control.GetFileContent(attachments.Single(a => a.FileName == Exhibit).FileUuid)!);
        Assert.Contains("Document: " + Exhibit, exhibit, StringComparison.Ordinal);
        Assert.Contains("Status: signed", exhibit, StringComparison.Ordinal);
        Assert.DoesNotContain(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("could not be attached", StringComparison.Ordinal) == true);
        ReconcilerSteps.AssertNoTooManyRequests(bridge);
    }

    [Fact]
    public async Task RetriedTransfers_AndALostNoteAnswer_StillAttachEachDocumentOnce()
    {
        var ironclad = new UpstreamTap();
        var kommo = new UpstreamTap();
        await using var bridge = await BridgeHarness.StartAsync(services: UpstreamTap.Into(ironclad, kommo));
        var lead = bridge.Account.AddDeal("Umbrella Corp");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var exhibitKey = bridge.Ironclad.Control.AddDocument(workflow.Id, Exhibit).Documents[1].Key;
        var downloadsRefused = 0;
        var notesLost = 0;
        // The exhibit's first download fails (every quick retry of it too: one failed try of its job), and the first
        // attachment note is written but its answer lost (its note job retried).
        ironclad.Answer = r => r.RequestUri!.AbsolutePath.EndsWith($"/document/{exhibitKey}/download", StringComparison.Ordinal) && Interlocked.Increment(ref downloadsRefused) <= 3
            ? UpstreamTap.Unavailable(r)
            : null;
        kommo.LoseAnswer = r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/leads/notes", StringComparison.Ordinal)
            && r.Content!.ReadAsStringAsync().GetAwaiter().GetResult().Contains("\"attachment\"", StringComparison.Ordinal) && Interlocked.Increment(ref notesLost) == 1;

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        await Eventually.TrueAsync(() => bridge.Kommo.Control.GetLead(lead)!.Attachments.Count == 2, "both signed documents", explain: bridge.Explain);
        await ReconcilerSteps.IdleAsync(bridge);

        Assert.True(downloadsRefused >= 3, "the exhibit's first try should have failed");
        Assert.True(notesLost >= 1, "an attachment note's answer should have been lost");
        var attachments = bridge.Kommo.Control.GetLead(lead)!.Attachments;
        Assert.Equal(2, attachments.Count);
        Assert.Single(attachments, a => a.FileName == Exhibit);
        Assert.Single(attachments, a => a.FileName == $"MSA - {workflow.IroncladId}.pdf");
    }

    [Fact]
    public async Task ADocumentThatCannotBeAttached_GetsANoteNamingIt_WithTheLink_AndTheOtherIsAttached()
    {
        var ironclad = new UpstreamTap();
        await using var bridge = await BridgeHarness.StartAsync(services: UpstreamTap.Into(ironclad));
        var lead = bridge.Account.AddDeal("Cyberdyne");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        var exhibitKey = bridge.Ironclad.Control.AddDocument(workflow.Id, Exhibit).Documents[1].Key;
        ironclad.Answer = r => r.RequestUri!.AbsolutePath.EndsWith($"/document/{exhibitKey}/download", StringComparison.Ordinal) ? UpstreamTap.Unavailable(r) : null;

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "could not be attached");
        await ReconcilerSteps.IdleAsync(bridge);

        Assert.Contains($"'{Exhibit}'", note.Text, StringComparison.Ordinal);
        Assert.Contains(bridge.App.Services.GetRequiredService<ContractBridge.Flows.ContractLinks>().Workflow(workflow.Id), note.Text, StringComparison.Ordinal);
        Assert.Equal($"MSA - {workflow.IroncladId}.pdf", Assert.Single(bridge.Kommo.Control.GetLead(lead)!.Attachments).FileName);
        Assert.Single(LifecycleSteps.Notes(bridge, lead), n => n.Text?.Contains("could not be attached", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TheClose_DoesNotWaitForTheAttachments()
    {
        var ironclad = new UpstreamTap();
        var downloads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bridge = await BridgeHarness.StartAsync(services: UpstreamTap.Into(ironclad));
        var lead = bridge.Account.AddDeal("Hooli");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AddDocument(workflow.Id, Exhibit);
        ironclad.Hold = r => r.RequestUri!.AbsolutePath.EndsWith("/download", StringComparison.Ordinal) ? downloads.Task : null;

        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        var closed = bridge.Kommo.Control.GetLead(lead)!;
        downloads.SetResult();
        await Eventually.TrueAsync(() => bridge.Kommo.Control.GetLead(lead)!.Attachments.Count == 2, "both signed documents once the downloads go on", explain: bridge.Explain);

        Assert.Equal(KommoStatuses.ClosedWon, closed.StatusId);
        Assert.Empty(closed.Attachments);
    }
}
