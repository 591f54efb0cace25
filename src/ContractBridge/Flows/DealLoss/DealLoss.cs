namespace ContractBridge.Flows.DealLoss;

/// <summary>A deal's contract must hear that the deal is lost, moved back (to <see cref="StageName"/>, before <see cref="TriggerStageName"/>) or deleted.</summary>
public sealed record DealLoss(DealLossKind Kind, string? StageName = null, string? TriggerStageName = null);
