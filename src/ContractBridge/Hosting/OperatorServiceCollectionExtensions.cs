using ContractBridge.Engine.Storage;
using ContractBridge.Observability;
using ContractBridge.Web;
using ContractBridge.Web.Dashboard;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContractBridge.Hosting;

/// <summary>What operators see: the dashboard, the gauges behind /metrics, and job latency.</summary>
public static class OperatorServiceCollectionExtensions
{
    public static IServiceCollection AddOperatorSurface(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDashboard();
        services.AddBridgeHealthChecks();
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddHostedService<MetricsSnapshotRefresher>();

        // The engine reads the store through IJobStore: measuring there gives job latency without touching the engine.
        services.Replace(ServiceDescriptor.Singleton<IJobStore>(sp => new JobLatencyRecorder(
            sp.GetRequiredService<IBridgeStore>(), sp.GetRequiredService<BridgeMetrics>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<PrometheusExport>();
        return services;
    }
}
