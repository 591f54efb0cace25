using ContractBridge.Audit;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Hosting;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows;
using ContractBridge.Flows.Activity;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.DealLoss;
using ContractBridge.Flows.Edits;
using ContractBridge.Flows.Launch;
using ContractBridge.Flows.LegalQuestions;
using ContractBridge.Flows.Nudge;
using ContractBridge.Flows.Preview;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Flows.Renewals;
using ContractBridge.Flows.Story;
using ContractBridge.Flows.Sync;
using ContractBridge.Flows.Triggers;
using ContractBridge.Flows.Writeback;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Http;
using ContractBridge.Ironclad.Webhooks;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Http;
using ContractBridge.Observability;
using ContractBridge.Rules;
using ContractBridge.Secrets;
using ContractBridge.Setup;
using ContractBridge.Upstream;
using ContractBridge.Upstream.Budget;
using ContractBridge.Upstream.Circuits;
using ContractBridge.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContractBridge.Hosting;

/// <summary>Everything the service runs, registered once: used by `serve`, the demo, the tests and the benchmarks alike.</summary>
public static class BridgeServiceCollectionExtensions
{
    public static IServiceCollection AddContractBridge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BridgeOptions>().Bind(configuration.GetSection(BridgeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BridgeOptions>, BridgeOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<BridgeMetrics>();

        services.AddContractBridgeEngine();
        // The links live in the engine's database as a module of its schema, and write in its transactions.
        services.AddSchemaModule(ContractLinkSchema.Module);
        services.TryAddSingleton(sp => ContractLinkStores.For(sp.GetRequiredService<IBridgeStore>()));
        services.AddSchemaModule(LaunchRefusalSchema.Module);
        services.TryAddSingleton(sp => LaunchRefusalStores.For(sp.GetRequiredService<IBridgeStore>()));
        services.AddSchemaModule(ContractRecordSchema.Module);
        services.AddSchemaModule(AuditSchema.Module);
        services.TryAddSingleton(sp => AuditLogs.For(sp.GetRequiredService<IBridgeStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => ContractRecordStores.For(sp.GetRequiredService<IBridgeStore>()));
        // What the bridge wrote on each deal in Kommo, for its story; recorded as Kommo accepts each batch.
        services.AddSchemaModule(DealWriteSchema.Module);
        services.TryAddSingleton(sp => DealWriteLogs.For(sp.GetRequiredService<IBridgeStore>()));
        services.TryAddSingleton<IKommoWriteObserver, DealWriteRecorder>();
        services.AddOptions<DealStoryOptions>().Bind(configuration.GetSection(DealStoryOptions.Section));
        services.AddHostedService<DealWriteRetention>();
        // Data Protection's key ring in the same database, under the master key; the credentials stored encrypted with it.
        services.AddBridgeDataProtection();
        services.AddOptions<StorageOptions>().Configure<IOptions<BridgeOptions>>((storage, bridge) =>
        {
            storage.DataDirectory = bridge.Value.DataDirectory;
            storage.PostgresConnectionString = string.IsNullOrWhiteSpace(bridge.Value.Postgres) ? null : bridge.Value.Postgres;
        });
        services.AddOptions<JobEngineOptions>().Bind(configuration.GetSection(BridgeOptions.Section + ":Jobs"));
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(BridgeOptions.Section + ":Retention"));
        services.AddSingleton(sp => new ReconcilerIdentity(sp.GetRequiredService<IOptions<JobEngineOptions>>().Value.InstanceId));

        // The fleet's rate budgets live in the engine's database too: every instance draws from the same rows.
        services.AddSchemaModule(RateBudgetSchema.Module);
        services.TryAddSingleton<IRateBudgetStore>(sp =>
        {
            var store = sp.GetRequiredService<IBridgeStore>();
            return new MigratedFirstRateBudgetStore(store, RateBudgetStores.For(store));
        });
        services.AddSingleton<UpstreamLimiters>();
        services.AddOptions<CircuitBreakerOptions>().Bind(configuration.GetSection(CircuitBreakerOptions.Section));
        // The connections in force: configured, or made at /setup and stored encrypted; both clients address through them.
        services.AddSingleton<UpstreamConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<UpstreamConnections>());
        services.AddSingleton<ConnectionTester>();
        services.AddSingleton<ConnectionHealthReader>();
        services.AddSingleton<KommoOAuthConnect>();
        AddKommo(services);
        AddIronclad(services);

        // Rules made in the dashboard, in the same database; each instance keeps a snapshot RuleBook reads.
        services.AddSchemaModule(RuleSchema.Module);
        services.TryAddSingleton(sp => RuleStores.For(sp.GetRequiredService<IBridgeStore>()));
        services.AddSingleton<StoredRules>();
        services.AddHostedService(sp => sp.GetRequiredService<StoredRules>());
        services.AddSingleton<RuleValidator>();
        services.AddSingleton<RuleEditor>();
        services.AddSingleton<RuleBook>();
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<KommoDirectory>();
        services.AddHostedService<CacheWarmer>();
        services.AddSingleton<ContractLinks>();
        services.AddSingleton<DealStory>();
        services.AddSingleton<EventDeals>();
        services.AddSingleton<KommoNames>();
        services.AddSingleton<SaidOnce>();
        services.AddSingleton<DealActionPlanner>();
        services.AddSingleton<WebhookRegistrar>();
        services.AddSingleton<LaunchReservations>();
        services.AddSingleton<DealReader>();
        services.AddSingleton<WorkflowLauncher>();
        services.AddSingleton<LaunchPlanner>();
        services.AddSingleton<DealPreview>();
        services.AddSingleton<KommoTriggers>();
        services.AddSingleton<KommoEditTriggers>();
        services.AddSingleton<DatabaseOutage>();
        services.AddSingleton<WebhookIntake>();
        services.AddJobHandler<LaunchContractHandler>();
        services.AddJobHandler<SyncContractHandler>();
        services.AddJobHandler<NoteHandler>();
        services.AddJobHandler<TaskHandler>();
        services.AddSingleton<CloseLeadReads>();
        services.AddJobHandler<StageMoveHandler>();
        services.AddJobHandler<AttachDocumentHandler>();
        services.AddJobHandler<AttachSignedDocumentHandler>();
        services.AddSingleton<WritebackFieldCatalog>();
        services.AddJobHandler<WritebackHandler>();
        services.AddSingleton<EditSyncMarkers>();
        services.AddJobHandler<SyncEditsHandler>();
        services.AddJobHandler<FindEditedDealsHandler>();
        services.AddJobHandler<DealLostHandler>();
        services.AddJobHandler<LegalQuestionHandler>();
        services.AddJobHandler<WorkflowMessageHandler>();
        services.AddSingleton<RelayCursor>();
        services.AddSingleton<OwnComments>();
        services.AddSingleton<IActivityRelay, CommentRelay>();
        services.AddSingleton<IActivityRelay, ApprovalRelay>();
        services.AddSingleton<IActivityRelay, TurnRelay>();
        services.AddJobHandler<ActivityRelayHandler>();
        services.AddSingleton<RenewalPlanner>();
        services.AddSingleton<RecordObserver>();
        services.AddJobHandler<ReadRecordsHandler>();
        services.AddJobHandler<RecordChangedHandler>();
        services.AddJobHandler<RenewalTaskHandler>();
        services.AddSingleton<WebhookHealthCheck>();
        services.AddSingleton<ContractReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<ContractReconciler>());
        services.AddSingleton<StageDealFinder>();
        services.AddSingleton<DealReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<DealReconciler>());
        services.AddSingleton<SignatureClock>();
        services.AddJobHandler<SignatureStartedHandler>();
        services.AddJobHandler<NudgeSignersHandler>();
        services.AddJobHandler<RemindSignerHandler>();
        services.AddSingleton<SignatureNudger>();
        services.AddHostedService(sp => sp.GetRequiredService<SignatureNudger>());
        return services;
    }

    private static void AddKommo(IServiceCollection services)
    {
        var placeholder = UpstreamAddressHandler.PlaceholderFor(UpstreamService.Kommo);
        services.AddHttpClient<KommoClient>(http => http.BaseAddress = placeholder)
            .AddHttpMessageHandler(sp =>
            {
                var connections = sp.GetRequiredService<UpstreamConnections>();
                return new UpstreamAddressHandler(placeholder, () => connections.KommoApiRoot, () => UpstreamConnections.NotConnected(UpstreamService.Kommo));
            })
            .AddUpstreamPipeline(
                UpstreamService.Kommo,
                new KommoProblemReader(),
                sp => new KommoAuthorization(sp.GetRequiredService<IKommoAccessTokens>()),
                sp => Kommo(sp).Timeout,
                sp => _ => sp.GetRequiredService<UpstreamLimiters>().Kommo,
                KommoProblemReader.IsBlockPage);

        services.AddHttpClient("kommo-oauth");
        services.AddSingleton<IKommoAccountAddress>(sp => sp.GetRequiredService<UpstreamConnections>());
        services.AddSingleton<IKommoAccessTokens, ConnectedKommoAccessTokens>();
    }

    private static void AddIronclad(IServiceCollection services)
    {
        var placeholder = UpstreamAddressHandler.PlaceholderFor(UpstreamService.Ironclad);
        services.AddHttpClient<IroncladClient>(http => http.BaseAddress = placeholder)
            .AddHttpMessageHandler(sp =>
            {
                var connections = sp.GetRequiredService<UpstreamConnections>();
                return new UpstreamAddressHandler(placeholder, () => connections.IroncladApiRoot, () => UpstreamConnections.NotConnected(UpstreamService.Ironclad));
            })
            .AddUpstreamPipeline(
                UpstreamService.Ironclad,
                new IroncladProblemReader(),
                sp => sp.GetRequiredService<IIroncladAuth>(),
                sp => Ironclad(sp).Timeout,
                sp =>
                {
                    var connections = sp.GetRequiredService<UpstreamConnections>();
                    var limiters = sp.GetRequiredService<UpstreamLimiters>();
                    return request => limiters.ForIronclad(request, connections.IroncladApiRoot ?? placeholder);
                });

        services.AddHttpClient("ironclad-oauth");
        services.AddSingleton<IIroncladAuth, ConnectedIroncladAuth>();
        services.AddSingleton<VerificationKeyCache>();
        services.AddSingleton<IVerificationKeySource>(sp => sp.GetRequiredService<VerificationKeyCache>());
        services.AddSingleton<IroncladSignatureVerifier>();
    }

    private static KommoOptions Kommo(IServiceProvider services) => services.GetRequiredService<IOptions<BridgeOptions>>().Value.Kommo;

    private static IroncladOptions Ironclad(IServiceProvider services) => services.GetRequiredService<IOptions<BridgeOptions>>().Value.Ironclad;
}
