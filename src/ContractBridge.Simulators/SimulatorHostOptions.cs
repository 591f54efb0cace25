using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Kommo;

namespace ContractBridge.Simulators;

/// <summary>Options for both simulators together; each keeps its own, so tests can set one without the other.</summary>
public sealed record SimulatorHostOptions
{
    public KommoSimulatorOptions Kommo { get; init; } = new();

    public IroncladSimulatorOptions Ironclad { get; init; } = new();

    /// <summary>The clock both simulators count on. Tests may pass a fake.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
