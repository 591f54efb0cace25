namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// One turn of a workflow's negotiation (Ironclad's turn history): whose side holds the document
/// (<see cref="TurnParties"/>), from when to when, and the user or counterparty holding it.
/// </summary>
/// <param name="Location">How the turn came about, as Ironclad says it (<c>manual change</c>, …).</param>
public sealed record WorkflowTurn(int Number, string Party, DateTimeOffset Start, DateTimeOffset? End, string Location, string? UserId, string? UserEmail);
