using System.Net;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Hosting;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Launch;
using ContractBridge.Flows.Reconcile;
using ContractBridge.Flows.Sync;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Webhooks;
using ContractBridge.Kommo;
using ContractBridge.Observability;
using ContractBridge.Upstream;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

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
        services.AddOptions<StorageOptions>().Configure<IOptions<BridgeOptions>>((storage, bridge) =>
        {
            storage.DataDirectory = bridge.Value.DataDirectory;
            storage.PostgresConnectionString = string.IsNullOrWhiteSpace(bridge.Value.Postgres) ? null : bridge.Value.Postgres;
        });
        services.AddOptions<JobEngineOptions>().Bind(configuration.GetSection(BridgeOptions.Section + ":Jobs"));
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(BridgeOptions.Section + ":Retention"));
        services.AddSingleton(sp => new ReconcilerIdentity(sp.GetRequiredService<IOptions<JobEngineOptions>>().Value.InstanceId));

        services.AddSingleton<UpstreamLimiters>();
        AddKommo(services);
        AddIronclad(services);

        services.AddSingleton<RuleBook>();
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<KommoDirectory>();
        services.AddSingleton<ContractLinks>();
        services.AddSingleton<DealActionPlanner>();
        services.AddSingleton<WebhookRegistrar>();
        services.AddJobHandler<LaunchContractHandler>();
        services.AddJobHandler<SyncContractHandler>();
        services.AddJobHandler<NoteHandler>();
        services.AddJobHandler<TaskHandler>();
        services.AddJobHandler<StageMoveHandler>();
        services.AddJobHandler<AttachDocumentHandler>();
        services.AddSingleton<ContractReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<ContractReconciler>());
        return services;
    }

    private static void AddKommo(IServiceCollection services)
    {
        var kommoClient = services.AddHttpClient<KommoClient>((sp, http) =>
        {
            var kommo = sp.GetRequiredService<IOptions<BridgeOptions>>().Value.Kommo;
            http.BaseAddress = WithTrailingSlash(kommo.BaseUrl!);
        });
        kommoClient.AddResilienceHandler("kommo", (pipeline, context) => AddReadRetries(pipeline, context.ServiceProvider.GetRequiredService<IOptions<BridgeOptions>>().Value.Kommo.Timeout));
        kommoClient.AddHttpMessageHandler(sp => new UpstreamMetricsHandler(UpstreamService.Kommo, sp.GetRequiredService<BridgeMetrics>()))
            .AddHttpMessageHandler(sp => new RateLimitingHandler(_ => sp.GetRequiredService<UpstreamLimiters>().Kommo));

        services.AddHttpClient("kommo-oauth");
        services.AddSingleton<IKommoAccessTokens>(sp =>
        {
            var kommo = sp.GetRequiredService<IOptions<BridgeOptions>>().Value.Kommo;
            if (kommo.OAuth is not { } oauth)
            {
                return new StaticKommoAccessTokens(kommo.AccessToken!);
            }

            var tokenEndpoint = new Uri(kommo.AccountUrl!, "/oauth2/access_token");
            return ActivatorUtilities.CreateInstance<KommoOAuthTokens>(
                sp,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient("kommo-oauth"),
                tokenEndpoint,
                oauth,
                sp.GetRequiredService<ReconcilerIdentity>().InstanceId);
        });
    }

    private static void AddIronclad(IServiceCollection services)
    {
        var ironcladClient = services.AddHttpClient<IroncladClient>((sp, http) =>
        {
            var ironclad = sp.GetRequiredService<IOptions<BridgeOptions>>().Value.Ironclad;
            http.BaseAddress = WithTrailingSlash(ironclad.BaseUrl!);
        });
        ironcladClient.AddResilienceHandler("ironclad", (pipeline, context) => AddReadRetries(pipeline, context.ServiceProvider.GetRequiredService<IOptions<BridgeOptions>>().Value.Ironclad.Timeout));
        ironcladClient.AddHttpMessageHandler(sp => new UpstreamMetricsHandler(UpstreamService.Ironclad, sp.GetRequiredService<BridgeMetrics>()))
            .AddHttpMessageHandler(sp =>
            {
                var root = WithTrailingSlash(sp.GetRequiredService<IOptions<BridgeOptions>>().Value.Ironclad.BaseUrl!);
                var limiters = sp.GetRequiredService<UpstreamLimiters>();
                return new RateLimitingHandler(request => limiters.ForIronclad(request, root));
            });

        services.AddHttpClient("ironclad-oauth");
        services.AddSingleton<IIroncladAuth>(sp =>
        {
            var ironclad = sp.GetRequiredService<IOptions<BridgeOptions>>().Value.Ironclad;
            if (ironclad.OAuth is not { } oauth)
            {
                return new LegacyTokenAuth(ironclad.ApiKey!);
            }

            return new ClientCredentialsAuth(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient("ironclad-oauth"),
                new Uri(ironclad.WebUrl!, "/oauth/token"),
                oauth,
                ironclad.CreatorEmail!,
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<VerificationKeyCache>();
        services.AddSingleton<IVerificationKeySource>(sp => sp.GetRequiredService<VerificationKeyCache>());
        services.AddSingleton<IroncladSignatureVerifier>();
    }

    /// <summary>
    /// A timeout per attempt, and quick retries for reads only (GETs that hit a connection error, a timeout or a 5xx).
    /// Writes are never retried here: a lost answer to a launch must go through the engine's checks, not be sent twice.
    /// 429s are not retried here either: the job engine backs off.
    /// </summary>
    private static void AddReadRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan timeout)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
                _ => false,
            }),
        };
        retry.DisableForUnsafeHttpMethods();
        pipeline.AddRetry(retry);
        pipeline.AddTimeout(timeout);
    }

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
