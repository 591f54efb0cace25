using ContractBridge.Configuration;
using ContractBridge.Observability;
using ContractBridge.Web;
using ContractBridge.Web.Dashboard;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;

namespace ContractBridge.Hosting;

/// <summary>
/// Builds the ContractBridge web application. Configuration, lowest priority first: appsettings.json, the seed's
/// environment variables (KOMMO_ACCESS_TOKEN, …), ContractBridge__* environment variables, the command line, then
/// the overrides (what the CLI's flags, the demo and the tests set).
/// </summary>
public static class BridgeApp
{
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var sources = builder.Configuration.Sources;
        var environmentAt = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        var seed = new MemoryConfigurationSource { InitialData = SeedEnvironment.ToConfiguration(Environment.GetEnvironmentVariables()) };
        sources.Insert(environmentAt < 0 ? sources.Count : environmentAt, seed);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // Request logging would print webhook URLs, and the Kommo one ends with its secret: framework logs stay at Warning.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting also wraps every entry written during a request in a scope holding the request path: a sink that keeps
        // scopes (JSON console, OpenTelemetry) would store the secret with any error. That scope exists only while this
        // category is enabled.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        UseConfiguredConsoleFormat(builder);
        builder.ListenOnMetricsPort();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = BodyReader.MaxWebhookBytes + 1);

        builder.Services.AddContractBridge(builder.Configuration);
        builder.Services.AddOperatorSurface(builder.Configuration);
        builder.Services.AddBridgeTracing(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();

        // Resolved now, so the meters are listened to from the start rather than from the first scrape.
        var prometheus = app.Services.GetRequiredService<PrometheusExport>();
        app.UseKommoWebhookSecretHiding();
        app.UseRouting();
        app.UseMetricsAccess();
        app.UseDashboard();
        app.MapKommoWebhook();
        app.MapIroncladWebhook();
        app.MapHealthEndpoints();
        app.MapBridgeMetrics(prometheus.Registry);
        app.MapDashboard();
        app.MapPreviewApi();
        return app;
    }

    /// <summary>
    /// Logging:Console:FormatterName (json, simple, systemd) picks the console format. The slim builder pins "simple"
    /// after binding configuration, so the configured name is applied last. Every entry written while a span is current
    /// (a request, a job's run) carries its trace and span ids as a scope; the JSON format writes scopes, so a log line
    /// leads to its trace.
    /// </summary>
    private static void UseConfiguredConsoleFormat(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddConsole();
        builder.Services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);
        builder.Services.PostConfigure<ConsoleLoggerOptions>(console =>
        {
            if (configuration["Logging:Console:FormatterName"] is { Length: > 0 } name)
            {
                console.FormatterName = name;
            }
        });
    }
}
