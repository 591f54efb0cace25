using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ContractBridge.Bench.Ingest;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// Kommo webhooks at a fixed rate (open loop: latency counts from each request's due time) to the service's real
/// endpoint with its secret. The bodies are the simulator's own form body for a deal entering the trigger stage, one seeded
/// deal each (the lead id changed per request): every one is stored with a launch job, so the service answers while its
/// workers start on a backlog of launches that Ironclad's limit lets through at 40 a minute (scaled).
/// </summary>
internal static class AckScenario
{
    public static async Task<AckResult> RunAsync(E2eSettings settings)
    {
        await using var world = await BenchWorld.StartAsync(settings, settings.Scale);
        var template = await CaptureBodyAsync(world);
        var leads = world.SeedDeals((int)Math.Ceiling(settings.AckRate * (settings.AckWarmUp + settings.AckDuration).TotalSeconds) + 100, "Ack");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 });
        var senders = new WebhookSenders(client, world.KommoWebhookUrl, id =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, template, leads[(id - 1) % leads.Length])));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return content;
        });
        var cpuBefore = world.Service.Memory().CpuSeconds;
        var recorder = await senders.FixedRateAsync(settings.AckRate, settings.AckWarmUp, settings.AckDuration);
        var summary = recorder.Summarise();
        var (_, peak, cpu) = world.Service.Memory();
        return new AckResult(
            settings.AckRate, settings.AckDuration.TotalSeconds, summary.Count, recorder.Errors, summary.Count / settings.AckDuration.TotalSeconds,
            summary.P50Ms, summary.P99Ms, summary.MaxMs, Encoding.UTF8.GetByteCount(template), peak,
            (cpu - cpuBefore) * 1000 / Math.Max(1, summary.Count + recorder.Errors));
    }

    /// <summary>
    /// Moves one seeded deal to the trigger stage and takes the body the simulator sent for it, with its lead id made a
    /// placeholder (it appears once per action: status and update).
    /// </summary>
    private static async Task<string> CaptureBodyAsync(BenchWorld world)
    {
        var lead = world.SeedDeals(1, "Template")[0];
        world.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [lead], StatusId = world.SendContract });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await BenchWorld.WaitUntilAsync(clock, () => world.Kommo.Control.PendingWebhooks == 0 && world.Kommo.Control.EmittedWebhooks.Any(w => w.Actions.Contains("status")), TimeSpan.FromSeconds(10), "the template webhook");
        var body = world.Kommo.Control.EmittedWebhooks.Last(w => w.Actions.Contains("status")).Body; // not a note_lead echo of a bridge note
        var id = lead.ToString(CultureInfo.InvariantCulture);
        return body.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)
            .Replace($"%5Bid%5D={id}&", "%5Bid%5D={0}&", StringComparison.Ordinal);
    }
}
