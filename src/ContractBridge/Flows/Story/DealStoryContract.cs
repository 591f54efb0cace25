using ContractBridge.Contracts;

namespace ContractBridge.Flows.Story;

/// <summary>One of a deal's contracts, with the link to its workflow in Ironclad (null until it is launched).</summary>
public sealed record DealStoryContract(ContractLink Link, string? WorkflowUrl);
