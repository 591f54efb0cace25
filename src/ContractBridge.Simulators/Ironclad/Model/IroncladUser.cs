namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A user of the simulated Ironclad company: launches name one as creator, OAuth calls act as one.</summary>
public sealed record IroncladUser(string Id, string Email, string DisplayName, string Title = "Contract Manager");
