namespace ContractBridge.Kommo.Api;

/// <summary>
/// An entry of Kommo's event feed (GET /api/v4/events). Ids are strings. For <c>lead_status_changed</c>,
/// <see cref="ValueAfter"/> holds the stage entered: <c>[{"lead_status":{"id","pipeline_id"}}]</c>.
/// </summary>
public sealed record KommoEvent(string Id, string? Type, long EntityId, string? EntityType, long CreatedAt, IReadOnlyList<KommoEventValue>? ValueAfter)
{
    /// <summary>The stage the lead entered, for a stage change; null for any other event.</summary>
    public KommoLeadStatusValue? EnteredStage => ValueAfter?.Select(v => v.LeadStatus).FirstOrDefault(s => s is not null);
}

public sealed record KommoEventValue(KommoLeadStatusValue? LeadStatus);

/// <summary>A stage as an event names it: the status id and its pipeline.</summary>
public sealed record KommoLeadStatusValue(long Id, long PipelineId);
