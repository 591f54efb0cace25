namespace ContractBridge.Simulators.Kommo.Control;

/// <summary>The simulator's control API refused a request; the message carries its explanation.</summary>
public sealed class KommoSimulatorControlException(string message) : Exception(message);
