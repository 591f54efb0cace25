namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>Everything the simulator knows about a lead, including every note, task and attachment written to it, and its tags' names.</summary>
public sealed record LeadInspection(
    long Id,
    string Name,
    long Price,
    long PipelineId,
    long StatusId,
    long ResponsibleUserId,
    long? LossReasonId,
    long CreatedAt,
    long UpdatedAt,
    long? ClosedAt,
    IReadOnlyList<FieldValueView> CustomFields,
    IReadOnlyList<SeedLeadContact> Contacts,
    long? CompanyId,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<string> Tags);
