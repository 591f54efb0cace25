namespace ContractBridge.Flows.Activity;

/// <summary>The contract whose activity is told: its workflow, how notes name it (IC-3) and the link to it.</summary>
public sealed record RelayedContract(string WorkflowId, string Name, string Link);
