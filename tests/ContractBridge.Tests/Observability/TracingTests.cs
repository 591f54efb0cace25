using System.Diagnostics;
using System.Text.Json;
using ContractBridge.Flows.Jobs;
using ContractBridge.Hosting;
using ContractBridge.Observability;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Observability.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Trace;

namespace ContractBridge.Tests.Observability;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, a deal's story is one trace, and its log lines name that trace.</summary>
[Collection(TracingCollection.Name)]
public sealed class TracingTests
{
    [Fact]
    public async Task ADealsStory_FromKommosWebhookToItsLaunchNote_IsOneTrace_AndItsLogsCarryTheTraceId()
    {
        var spans = new ExportedSpans();
        var logs = new ScopeCapturingLogs();
        await using var bridge = await BridgeHarness.StartAsync(
            configuration: _ => new Dictionary<string, string?>
            {
                // Nothing listens there: the OTLP exporter's sends fail quietly; the in-memory one below keeps the spans.
                [BridgeTracing.EndpointSetting] = "http://127.0.0.1:9",
                ["Logging:LogLevel:ContractBridge"] = "Information",
                [Cli.LogFormat.SettingKey] = "json",
            },
            services: s =>
            {
                s.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                s.AddSingleton<ILoggerProvider>(logs);
            });
        var lead = bridge.Account.AddDeal("Traced");
        var key = JobKinds.LeadKey(lead);

        bridge.Account.MoveToSendContract(lead);
        await Eventually.GetAsync(() => bridge.Kommo.Control.GetLead(lead)!.Notes.FirstOrDefault(n => n.Text?.Contains("launched", StringComparison.Ordinal) == true), "the launch note");
        var launch = await Eventually.GetAsync(() => spans.Snapshot().FirstOrDefault(s => IsJob(s, JobKinds.Launch, key)), "the launch job's span");
        var trace = await Eventually.GetAsync(
            () => spans.Snapshot().Where(s => s.TraceId == launch.TraceId).ToList() is var inTrace
                && inTrace.Any(s => IsJob(s, JobKinds.Note, key)) && inTrace.Any(s => IsClientCall(s, "POST", "/api/v4/leads/notes")) ? inTrace : null,
            "the note job and its Kommo call in the launch's trace",
            explain: bridge.Explain);

        // The in-process Kommo simulator sends the note's own note_lead webhook while serving the note call, so that
        // webhook (and its ingest) joins the trace too: the launch's ingest and webhook are found by their parentage.
        var ingest = Assert.Single(trace, s => s.SpanId == launch.ParentSpanId);
        var webhook = Assert.Single(trace, s => s.SpanId == ingest.ParentSpanId);
        var note = Assert.Single(trace, s => IsJob(s, JobKinds.Note, key));
        Assert.Equal("ingest kommo", ingest.DisplayName);
        Assert.True(webhook.Kind == ActivityKind.Server && webhook.GetTagItem("url.path") is string path && path.StartsWith("/webhooks/kommo", StringComparison.Ordinal), webhook.DisplayName);
        Assert.Contains(trace, s => IsClientCall(s, "POST", "/public/api/v1/workflows") && s.ParentSpanId == launch.SpanId);
        Assert.Equal(launch.SpanId, note.ParentSpanId);
        Assert.Contains(trace, s => IsClientCall(s, "POST", "/api/v4/leads/notes") && s.ParentSpanId == note.SpanId);
        Assert.DoesNotContain(BridgeHarness.KommoWebhookSecret, (string)webhook.GetTagItem("url.path")!, StringComparison.Ordinal);

        // The launch's log line, as the JSON console format writes it, names the trace.
        var launched = logs.Entries.Single(e => e.EventId.Id == 2001 && e.Message.Contains(lead.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var json = JsonDocument.Parse(FormatAsJson(bridge, launched));
        var scopeTraceIds = json.RootElement.GetProperty("Scopes").EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
            .Select(s => s.GetProperty("TraceId").GetString());
        Assert.Contains(launch.TraceId.ToHexString(), scopeTraceIds);
    }

    [Fact]
    public async Task WithoutTheEndpointVariable_NoTracerProviderIsRegistered_AndWithItOneIs()
    {
        await using var off = BridgeApp.Build([], new Dictionary<string, string?>());
        await using var on = BridgeApp.Build([], new Dictionary<string, string?> { [BridgeTracing.EndpointSetting] = "http://127.0.0.1:4317" });

        Assert.Null(off.Services.GetService<TracerProvider>());
        Assert.NotNull(on.Services.GetService<TracerProvider>());
    }

    private static bool IsJob(Activity span, string kind, string key) =>
        span.DisplayName == "process " + kind && (span.GetTagItem("contractbridge.job.key") as string) == key;

    private static bool IsClientCall(Activity span, string method, string path) =>
        span.Kind == ActivityKind.Client && (span.GetTagItem("http.request.method") as string) == method
        && span.GetTagItem("url.full") is string url && new Uri(url).AbsolutePath.EndsWith(path, StringComparison.Ordinal);

    /// <summary>The entry through the bridge's own JSON console formatter, in the scopes it was written in.</summary>
    private static string FormatAsJson(BridgeHarness bridge, ScopeCapturingLogs.CapturedEntry entry)
    {
        var formatter = bridge.App.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var scopes = new LoggerExternalScopeProvider();
        var pushed = entry.Scopes.Select(s => scopes.Push(s)).ToList();
        using var writer = new StringWriter();
        formatter.Write(new LogEntry<string>(entry.Level, entry.Category, entry.EventId, entry.Message, null, (m, _) => m), scopes, writer);
        pushed.Reverse();
        pushed.ForEach(p => p.Dispose());
        return writer.ToString();
    }
}
