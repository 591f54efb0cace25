using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Hosting;

namespace ContractBridge.Engine.Hosting;

/// <summary>Brings the schema up to date when the host starts, before the engine claims or the intake stores anything.</summary>
internal sealed class StoreMigrationService(IBridgeStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
