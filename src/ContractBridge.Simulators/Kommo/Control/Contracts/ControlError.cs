namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>The control API's 400/404 body: what was wrong, in words.</summary>
public sealed record ControlError(string Error);
