namespace ContractBridge.Contracts;

/// <summary>
/// The bridge's own contract states (the seed document's), derived from Ironclad's step, status and events.
/// <see cref="Launching"/> reserves a lead while its launch is under way, so two launches cannot race.
/// </summary>
public enum ContractState
{
    Launching,
    Created,
    Draft,
    Review,
    Signature,
    Executed,
    Cancelled,
}
