namespace ContractBridge.Kommo.Webhooks;

/// <summary>One lead in a Kommo webhook, with the fields the bridge acts on (Kommo's old v2 names, as numbers).</summary>
public sealed record KommoLeadChange(
    KommoLeadAction Action,
    long LeadId,
    long? StatusId,
    long? OldStatusId,
    long? PipelineId,
    long? OldPipelineId,
    long? LastModified);
