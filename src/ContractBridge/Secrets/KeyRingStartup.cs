namespace ContractBridge.Secrets;

/// <summary>
/// At start (after the schema's migration, which is registered before it): loads the master key, so a generated key
/// file is made and its place logged at once, and re-protects the key ring's rows a previous master key still protects.
/// </summary>
public sealed class KeyRingStartup(IServiceProvider services, ILogger<KeyRingStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        KeyRingRewrap.RunAsync(services.GetRequiredService<IKeyRingStore>(), services.GetRequiredService<MasterKeyRing>(), logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
