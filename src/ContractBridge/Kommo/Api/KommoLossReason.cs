namespace ContractBridge.Kommo.Api;

/// <summary>A reason a deal was lost (GET /api/v4/leads/loss_reasons), named by a lead's loss_reason_id.</summary>
public sealed record KommoLossReason(long Id, string? Name);
