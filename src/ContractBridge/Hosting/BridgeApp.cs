using ContractBridge.Configuration;
using ContractBridge.Web;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Prometheus;

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
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = BodyReader.MaxWebhookBytes + 1);

        builder.Services.AddContractBridge(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseKommoWebhookSecretHiding();
        app.UseRouting();
        app.MapKommoWebhook();
        app.MapIroncladWebhook();
        app.MapHealthEndpoints();
        app.MapMetrics("/metrics");
        return app;
    }
}
