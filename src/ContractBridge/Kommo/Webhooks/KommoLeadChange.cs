namespace ContractBridge.Kommo.Webhooks;

/// <summary>Which webhook section a lead came in: <c>leads[status]</c>, <c>leads[add]</c> or <c>leads[update]</c>.</summary>
public enum KommoLeadAction
{
    Status,
    Add,
    Update,
}

/// <summary>One lead in a Kommo webhook, with the fields the bridge acts on (Kommo's old v2 names, as numbers).</summary>
public sealed record KommoLeadChange(
    KommoLeadAction Action,
    long LeadId,
    long? StatusId,
    long? OldStatusId,
    long? PipelineId,
    long? OldPipelineId,
    long? LastModified);

/// <summary>A parsed Kommo webhook: every lead change in it, and the account it came from when Kommo said.</summary>
public sealed record KommoWebhook(IReadOnlyList<KommoLeadChange> Leads, string? AccountSubdomain, long? AccountId);
