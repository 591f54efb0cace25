namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>Someone of the other side of a contract, commenting from outside the company (Ironclad's external user).</summary>
public sealed record Counterparty(string DisplayName, string Email, string CompanyName);
