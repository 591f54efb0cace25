namespace ContractBridge.Ironclad.Api;

/// <summary>A webhook registration; the wire name is <c>targetURL</c> (read case-insensitively).</summary>
public sealed record IroncladWebhookRegistration(string Id, IReadOnlyList<string>? Events, string? TargetUrl, string? Status);
