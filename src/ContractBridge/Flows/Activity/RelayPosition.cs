namespace ContractBridge.Flows.Activity;

/// <summary>Where a relay starts: the cursor's key, its stored value (for the compare-and-set) and the state to relay from (null: nothing told yet).</summary>
public sealed record RelayPosition(string Key, string? Stored, string? State);
