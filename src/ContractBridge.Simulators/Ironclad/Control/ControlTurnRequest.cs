namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>
/// Body of <c>POST /_sim/workflows/{id}/turn</c>: pass the turn to <c>counterparty</c> or back to <c>internal</c>;
/// <see cref="UserEmail"/> is who holds it next (a user of the company, or the counterparty's person).
/// </summary>
public sealed record ControlTurnRequest(string Party, string? UserEmail = null);
