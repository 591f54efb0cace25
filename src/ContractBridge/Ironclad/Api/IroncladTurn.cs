namespace ContractBridge.Ironclad.Api;

/// <summary>
/// One entry of <c>GET /workflows/{id}/turn-history</c>: whose side the turn is with (<see cref="TurnParty"/>,
/// <c>internal</c> for the company), its number, and who holds it.
/// </summary>
public sealed record IroncladTurn(string? TurnParty, int TurnNumber, DateTimeOffset? TurnStartTime, DateTimeOffset? TurnEndTime, string? TurnUserEmail)
{
    public const string InternalParty = "internal";

    /// <summary>The turn is with the other side: any party but the company's own.</summary>
    public bool IsCounterparty => TurnParty is { Length: > 0 } party && !string.Equals(party, InternalParty, StringComparison.OrdinalIgnoreCase);
}
