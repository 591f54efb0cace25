namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>The sides a turn can be with: the company (<c>internal</c>) or the other side (<c>counterparty</c>).</summary>
public static class TurnParties
{
    public const string Internal = "internal";
    public const string Counterparty = "counterparty";

    public static bool IsKnown(string party) => party is Internal or Counterparty;
}
