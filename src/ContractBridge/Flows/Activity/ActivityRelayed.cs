namespace ContractBridge.Flows.Activity;

/// <summary>What one read of a list gives the deal: the notes, in Ironclad's order, and the cursor's next state.</summary>
public sealed record ActivityRelayed(IReadOnlyList<string> Notes, string State);
