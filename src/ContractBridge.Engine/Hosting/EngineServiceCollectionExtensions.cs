using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContractBridge.Engine.Hosting;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store (from <see cref="StorageOptions"/>: PostgreSQL when a connection string is set, else SQLite),
    /// its migration at start, the <see cref="EventIntake"/> and the <see cref="JobEngine"/> as a hosted service.
    /// Options can also be bound from configuration with <c>AddOptions&lt;T&gt;().BindConfiguration(...)</c>.
    /// </summary>
    public static IServiceCollection AddContractBridgeEngine(
        this IServiceCollection services,
        Action<StorageOptions>? storage = null,
        Action<JobEngineOptions>? engine = null,
        Action<IntakeOptions>? intake = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        var storageOptions = services.AddOptions<StorageOptions>();
        var engineOptions = services.AddOptions<JobEngineOptions>();
        var intakeOptions = services.AddOptions<IntakeOptions>();
        if (storage is not null)
        {
            storageOptions.Configure(storage);
        }

        if (engine is not null)
        {
            engineOptions.Configure(engine);
        }

        if (intake is not null)
        {
            intakeOptions.Configure(intake);
        }

        services.TryAddSingleton(sp => BridgeStoreFactory.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetServices<SchemaModule>()));
        services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<IBridgeStore>());
        services.TryAddSingleton<IJobStore>(sp => sp.GetRequiredService<IBridgeStore>());
        services.TryAddSingleton<IKeyValueStore>(sp => sp.GetRequiredService<IBridgeStore>());
        services.TryAddSingleton<IEngineInstances>(sp => sp.GetRequiredService<IBridgeStore>());
        services.TryAddSingleton<ISubjectHistory>(sp => sp.GetRequiredService<IBridgeStore>());
        services.TryAddSingleton<JobWakeups>();
        services.TryAddSingleton<EventIntake>();
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<JobEngine>();
        // Hosted services start in registration order: the schema first, then the workers.
        services.AddHostedService<StoreMigrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<JobEngine>());
        services.AddOptions<RetentionOptions>();
        services.AddHostedService<RetentionService>();
        return services;
    }

    /// <summary>
    /// Adds a service's own tables to the store's schema: created and upgraded with the engine's at start (and by every
    /// <see cref="IBridgeStore.MigrateAsync"/>), versioned apart under the module's name.
    /// </summary>
    public static IServiceCollection AddSchemaModule(this IServiceCollection services, SchemaModule module) =>
        services.AddSingleton(module);

    /// <summary>Adds a handler; the engine runs one worker per handler kind.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler =>
        services.AddSingleton<IJobHandler, THandler>();
}
