using ContractBridge.Engine.Jobs;
using ContractBridge.Web;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ContractBridge.Observability;

/// <summary>
/// OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set (the variable, or the same key in
/// configuration): requests (ASP.NET Core), upstream calls (HttpClient) and the engine's spans (an event's intake, each
/// job's run, a batch's shared work) are exported over OTLP, configured by the standard OTEL_* variables. Unset, nothing
/// is registered and the spans cost only their sources' "no listener" check.
/// </summary>
public static class BridgeTracing
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceName = "contractbridge";

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointSetting]);

    public static IServiceCollection AddBridgeTracing(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES still win: the SDK reads them after this default.
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(EngineTracing.SourceName)
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !IsProbe(context.Request.Path);
                    options.EnrichWithHttpRequest = (span, request) => HideKommoSecret(span, request.Path);
                })
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        return services;
    }

    /// <summary>Health checks and scrapes come every few seconds and say nothing about a deal.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");

    /// <summary>
    /// The request span takes its path before the middleware takes the secret off it (see
    /// <see cref="KommoWebhookEndpoint.UseKommoWebhookSecretHiding"/>): Kommo's webhook path ends with the secret.
    /// </summary>
    private static void HideKommoSecret(System.Diagnostics.Activity span, PathString path)
    {
        if (path.StartsWithSegments(KommoWebhookEndpoint.Path))
        {
            span.SetTag("url.path", KommoWebhookEndpoint.Path + "/<secret>");
        }
    }
}
