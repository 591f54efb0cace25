using ContractBridge.Simulators.Common;

namespace ContractBridge.Simulators.Ironclad;

public sealed record IroncladSimulatorOptions
{
    public int Port { get; init; }

    public double TimeScale { get; init; } = 1.0;

    public FaultProfile Faults { get; init; } = FaultProfile.None;

    public int Seed { get; init; } = 1;
}
