namespace ContractBridge.Contracts;

/// <summary>A page of a contract search, in the search's order; <paramref name="Next"/> resumes it, null when nothing is left.</summary>
public sealed record ContractSearchPage(IReadOnlyList<ContractLink> Links, ContractSearchCursor? Next);
