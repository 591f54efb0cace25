using System.Text.Json.Nodes;
using ContractBridge.Flows.Story;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Tests.Flows.Story;

public sealed class DealWriteDescriptionsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANote_AnAttachmentAndATask_AreEachOneWrite_OnTheirDeal()
    {
        var note = Single(KommoNewNote.Common(7, "Contract IC-12 launched"));
        var attachment = Single(new KommoNewNote(7, "attachment", new JsonObject { ["file_name"] = "IC-12 signed.pdf" }));
        var task = Single(new KommoNewTask("Chase the signature", At.AddDays(3).ToUnixTimeSeconds(), 7, "leads", 1, null));

        Assert.Equal(new DealWrite(0, 7, At, DealWriteKinds.Note, "Contract IC-12 launched"), note);
        Assert.Equal((DealWriteKinds.Attachment, "attached IC-12 signed.pdf"), (attachment.Kind, attachment.Detail));
        Assert.Equal((DealWriteKinds.Task, "Chase the signature (due 2026-12-06 12:00 UTC)"), (task.Kind, task.Detail));
    }

    [Fact]
    public void ALeadUpdate_IsAWriteForEachThingItChanges()
    {
        var update = new KommoLeadUpdate(
            9, StatusId: 142, PipelineId: 3, LossReasonId: null, RequestId: "r1",
            CustomFieldsValues: [new KommoFieldValuesUpdate(501, [new KommoNewFieldValue(JsonValue.Create("IC-12"))]), new KommoFieldValuesUpdate(502, [new KommoNewFieldValue(EnumId: 77)])],
            TagsToAdd: [new KommoTagName("contract signed")]);

        var writes = DealWriteDescriptions.Of(update, At).ToList();

        Assert.Equal(
            [(DealWriteKinds.Stage, "moved to stage 142 of pipeline 3"), (DealWriteKinds.Fields, "field 501 = \"IC-12\"; field 502 = choice 77"), (DealWriteKinds.Tags, "tagged contract signed")],
            writes.Select(w => (w.Kind, w.Detail)));
        Assert.All(writes, w => Assert.Equal(9, w.LeadId));
    }

    [Fact]
    public void WhatNamesNoDeal_IsNoWrite_AndALongNoteIsCut()
    {
        Assert.Empty(DealWriteDescriptions.Of(new KommoTaskUpdate(5, null, "done"), At));
        Assert.Empty(DealWriteDescriptions.Of(new KommoNewTask("call", 0, 4, "contacts", 1, null), At));
        var detail = Single(KommoNewNote.Common(7, new string('x', 2_000))).Detail;
        Assert.Equal(DealWriteDescriptions.MaxDetail, detail.Length);
        Assert.EndsWith("…", detail, StringComparison.Ordinal);
    }

    private static DealWrite Single(IKommoBatchItem item) => Assert.Single(DealWriteDescriptions.Of(item, At));
}
