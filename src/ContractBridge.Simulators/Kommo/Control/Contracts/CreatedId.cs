namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>The id of something the control API created.</summary>
public sealed record CreatedId(long Id);
