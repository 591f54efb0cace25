using ContractBridge.Engine.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractBridge.Secrets;

/// <summary>
/// The vault outside the service, on an open store and the master keys: what a tool or a test uses to read (or write)
/// the credentials a running service stored, through the same key ring, exactly as another instance would.
/// </summary>
public sealed class StandaloneVault : IDisposable
{
    private readonly ServiceProvider _services;

    private StandaloneVault(ServiceProvider services) => _services = services;

    public CredentialVault Vault => _services.GetRequiredService<CredentialVault>();

    public ISecretProtector Protector => _services.GetRequiredService<ISecretProtector>();

    public IDataProtectionProvider DataProtection => _services.GetRequiredService<IDataProtectionProvider>();

    /// <param name="values">Where the credentials are (default: <paramref name="store"/> itself); the key ring is always in <paramref name="store"/>.</param>
    public static StandaloneVault Open(IBridgeStore store, MasterKeyRing keys, TimeProvider? time = null, IKeyValueStore? values = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(values ?? store);
        services.AddSingleton(KeyRingStores.For(store));
        services.AddSingleton(keys);
        DataProtectionServiceCollectionExtensions.AddKeyRingDataProtection(services);
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddSingleton<CredentialVault>();
        return new StandaloneVault(services.BuildServiceProvider());
    }

    /// <summary>The ring of one base64 master key (as <c>CONTRACTBRIDGE_MASTER_KEY</c> holds it) and any previous ones.</summary>
    public static MasterKeyRing Keys(string masterKey, params string[] previous) => new(
        MasterKey.TryParse(masterKey, "The master key", out var problem) ?? throw new ArgumentException(problem, nameof(masterKey)),
        previous.Select(p => MasterKey.TryParse(p, "A previous master key", out var bad) ?? throw new ArgumentException(bad, nameof(previous))),
        "given");

    public void Dispose() => _services.Dispose();
}
