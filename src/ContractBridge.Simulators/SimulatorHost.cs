using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Kommo;

namespace ContractBridge.Simulators;

/// <summary>Starts the Kommo and Ironclad simulators in this process, each on its own loopback port.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private SimulatorHost(KommoSimulator kommo, IroncladSimulator ironclad)
    {
        Kommo = kommo;
        Ironclad = ironclad;
    }

    public KommoSimulator Kommo { get; }

    public IroncladSimulator Ironclad { get; }

    public static async Task<SimulatorHost> StartAsync(SimulatorHostOptions options, CancellationToken cancellationToken = default)
    {
        var kommo = new KommoSimulator(options.Kommo, options.Time);
        var ironclad = new IroncladSimulator(options.Ironclad, options.Time);
        try
        {
            await kommo.StartAsync(cancellationToken);
            await ironclad.StartAsync(cancellationToken);
        }
        catch
        {
            await kommo.DisposeAsync();
            await ironclad.DisposeAsync();
            throw;
        }

        return new SimulatorHost(kommo, ironclad);
    }

    public async ValueTask DisposeAsync()
    {
        await Kommo.DisposeAsync();
        await Ironclad.DisposeAsync();
    }
}
