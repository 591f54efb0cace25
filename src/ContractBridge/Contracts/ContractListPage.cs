namespace ContractBridge.Contracts;

/// <summary>A page of the newest links; <paramref name="OlderThan"/> is the id to pass as the next page's "before", null when this was the last.</summary>
public sealed record ContractListPage(IReadOnlyList<ContractLink> Links, long? OlderThan);
