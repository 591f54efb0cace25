namespace ContractBridge.Simulators.Kommo.Control.Contracts;

public sealed record SeededStatus(long Id, string Name);
