using ContractBridge.Contracts;

namespace ContractBridge.Flows.Sync;

/// <summary>The bridge's contract state read off an Ironclad workflow, and whether it is paused (shown, acts on nothing).</summary>
public sealed record DerivedState(ContractState State, bool Paused);
