using ContractBridge.Configuration;
using ContractBridge.Engine.Hosting;
using ContractBridge.Engine.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContractBridge.Secrets;

/// <summary>
/// ASP.NET Core Data Protection for every instance alike: its key ring in the shared database (<see cref="StoreXmlRepository"/>),
/// each key protected by the master key (<see cref="MasterKeyXmlEncryptor"/>), one application name so cookies and
/// protected values made by one instance are read by all; and the <see cref="CredentialVault"/> on it.
/// </summary>
public static class DataProtectionServiceCollectionExtensions
{
    public const string ApplicationName = "ContractBridge";

    /// <summary>Call after the engine's registration, so the schema migrates before the key ring is first read.</summary>
    public static IServiceCollection AddBridgeDataProtection(this IServiceCollection services)
    {
        services.AddSchemaModule(KeyRingSchema.Module);
        services.TryAddSingleton(sp => KeyRingStores.For(sp.GetRequiredService<IBridgeStore>()));
        services.TryAddSingleton(sp => MasterKeySource.Load(
            sp.GetRequiredService<IOptions<BridgeOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MasterKeySource).FullName!)));
        services.AddSingleton<IValidateOptions<BridgeOptions>, SecretsOptionsValidator>();

        AddKeyRingDataProtection(services);
        services.AddHostedService<KeyRingStartup>();

        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.TryAddSingleton<CredentialVault>();
        return services;
    }

    /// <summary>Data Protection on the store's key ring under the master key: the service's and <see cref="StandaloneVault"/>'s alike.</summary>
    internal static void AddKeyRingDataProtection(IServiceCollection services)
    {
        // Before AddDataProtection's own set-up, so it never picks a default (file system, unprotected) repository.
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, services) =>
        {
            options.XmlRepository = new DeferredXmlRepository(() => new StoreXmlRepository(services.GetRequiredService<IKeyRingStore>(), services.GetRequiredService<TimeProvider>()));
            options.XmlEncryptor = new DeferredXmlEncryptor(() => new MasterKeyXmlEncryptor(services.GetRequiredService<MasterKeyRing>()));
        });
        services.AddDataProtection().SetApplicationName(ApplicationName);
    }
}
