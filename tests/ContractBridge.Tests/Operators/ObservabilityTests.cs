using System.Net;
using ContractBridge.Engine.Jobs;
using ContractBridge.Hosting;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Operators;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Metrics_PublishTheBridgeMeter_EventsJobsContractsAndJobLatency()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?> { ["ContractBridge:Metrics:RefreshInterval"] = "00:00:00.100" });
        var lead = bridge.Account.AddDeal("Metered");
        bridge.Account.MoveToSendContract(lead);
        await Eventually.TrueAsync(async () => await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None) is { WorkflowId: not null }, "the launch");

        var text = await Eventually.GetAsync(
            async () =>
            {
                var metrics = await bridge.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                return metrics.Contains("contractbridge_contracts{state=\"created\"} 1", StringComparison.Ordinal)
                    && metrics.Contains("contractbridge_job_duration_seconds", StringComparison.Ordinal) ? metrics : (string?)null;
            },
            "the metrics");

        Assert.Contains("contractbridge_events_received", text, StringComparison.Ordinal);
        Assert.Contains("source=\"kommo\"", text, StringComparison.Ordinal);
        Assert.Contains("contractbridge_jobs{state=\"dead\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("contractbridge_upstream_calls", text, StringComparison.Ordinal);
        Assert.Contains("kind=\"contract.launch\"", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"succeeded\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAndReadiness_AnswerOnceStarted()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        using var live = await bridge.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await bridge.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Readiness_Answers503SayingSo_WhileTheJobEngineIsNotRunning()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        using var before = await bridge.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        await bridge.App.Services.GetRequiredService<JobEngine>().StopAsync(CancellationToken.None);
        using var after = await bridge.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var live = await bridge.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, "ready"), (before.StatusCode, await before.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "the job engine is not running"), (after.StatusCode, await after.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task JsonLogFormat_IsASettingAndAServeFlag()
    {
        await using var app = BridgeApp.Build([], new Dictionary<string, string?> { [Cli.LogFormat.SettingKey] = "json" });

        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var formatters = app.Services.GetServices<ConsoleFormatter>().Select(f => f.Name);

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.Contains(ConsoleFormatterNames.Json, formatters);
        var help = await CliRun.RunAsync(new Dictionary<string, string?>(), "serve", "--help");
        Assert.Contains("--log-format <json|simple>", help.Output, StringComparison.Ordinal);
    }
}
