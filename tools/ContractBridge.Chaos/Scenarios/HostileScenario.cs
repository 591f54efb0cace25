using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ContractBridge.Chaos.Checks;
using ContractBridge.Chaos.Hostile;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Chaos.Reporting;
using ContractBridge.Chaos.World;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Chaos.Scenarios;

/// <summary>
/// Bad input against the real service (a child process): at least 10,000 generated hostile requests to both webhook
/// endpoints and the dashboard paths. Every one must get a 4xx with a message (exact replays of stored deliveries: 200
/// "duplicate"), never a 5xx; the process must stay up; and nothing may be stored: the events and jobs counted before
/// and after are the same. To sign authenticated-but-malformed Ironclad bodies, the bridge is given this run's own
/// verification key (served by a proxy in front of the Ironclad simulator).
/// </summary>
public static class HostileScenario
{
    /// <summary>Dashboard pages and paths that may exist; requests to ones that do not must be refused all the same.</summary>
    public static readonly IReadOnlyList<string> DefaultDashboardPaths =
        ["/", "/contracts", "/jobs", "/jobs/1", "/jobs?status=Dead", "/events", "/admin", "/dashboard", "/metrics/../jobs"];

    public static async Task<ScenarioResult> RunAsync(HostileRun run, TextWriter log, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult { Scenario = "hostile", Store = "sqlite", Seed = run.Seed };
        var clock = Stopwatch.StartNew();
        var workDirectory = Path.Combine(run.WorkDirectory, $"hostile-{run.Seed}-{Guid.NewGuid().ToString("N")[..8]}");
        result.WorkDirectory = workDirectory;
        await log.WriteLineAsync($"[hostile] {run.Requests} requests, seed {run.Seed}; logs in {workDirectory}");

        await using var world = await ChaosWorld.StartAsync(new WorldOptions { Seed = run.Seed }, cancellationToken);
        using var signingKey = RSA.Create(2048);
        var verificationKey = signingKey.ExportSubjectPublicKeyInfoPem();
        await using var ironclad = await ReverseProxy.StartAsync([world.Ironclad.BaseUrl], new ProxyRules(Answer: request =>
            request.Path == "/public/api/v1/webhooks/verification-key" ? new LocalAnswer(200, "text/plain", verificationKey) : null));
        var tuning = new BridgeTuning
        {
            LogLevel = run.LogLevel,
            Extra = new Dictionary<string, string?> { ["ContractBridge:Ironclad:BaseUrl"] = new Uri(ironclad.Url, "/public/api/v1").ToString() },
        };
        BridgeFleet? fleet = null;
        using var context = new HostileContext(world.Secrets.KommoWebhookSecret, world.Secrets.IroncladWebhookSecret, world.Secrets.AdminToken, signingKey, run.DashboardPaths);
        try
        {
            fleet = await BridgeFleet.StartAsync(world, tuning, 1, null, workDirectory, cancellationToken);
            var bridge = fleet.Instances[0];
            await WarmUpAsync(world, context, bridge.Url, cancellationToken);
            var eventsBefore = await fleet.Probe.EventsAsync(cancellationToken);
            var jobsBefore = Total(await fleet.Probe.JobsAsync(cancellationToken));

            var scanner = new SecretScanner(world.Secrets.All);
            using var runner = new HostileRunner(bridge.Url, scanner, run.Concurrency);
            var generator = new HostileRequestGenerator(context, run.Seed);
            using var health = new HttpClient { BaseAddress = bridge.Url, Timeout = TimeSpan.FromSeconds(10) };
            await runner.RunAsync(generator.Generate(run.Requests), async sent =>
            {
                if (!await IsHealthyAsync(bridge, health, cancellationToken))
                {
                    result.Violations.Add($"the bridge was down after {sent} requests");
                }
            }, cancellationToken);

            if (!await IsHealthyAsync(bridge, health, cancellationToken))
            {
                result.Violations.Add("the bridge is not up after the hostile requests");
            }

            result.Violations.AddRange(runner.Violations);
            var eventsAfter = await fleet.Probe.EventsAsync(cancellationToken);
            var jobsAfter = Total(await fleet.Probe.JobsAsync(cancellationToken));
            if (eventsAfter != eventsBefore || jobsAfter != jobsBefore)
            {
                result.Violations.Add($"hostile requests were stored: events {eventsBefore} → {eventsAfter}, jobs {jobsBefore} → {jobsAfter}");
            }

            foreach (var (category, count) in runner.ByCategory)
            {
                result.Requests[category] = count;
            }

            foreach (var (status, count) in runner.ByStatus)
            {
                result.Figures[status == 0 ? "connection closed on an oversized body" : string.Create(CultureInfo.InvariantCulture, $"answered {status}")] = count;
            }

            result.Figures["categories"] = generator.Categories.Count;
            result.Figures["events stored before/after"] = eventsAfter;
            result.Figures["bridge restarts"] = bridge.Starts - 1;
            result.Violations.AddRange(await LifecycleScenario.ScanForSecretsAsync(world, fleet, cancellationToken));
            foreach (var example in runner.Examples.Take(10))
            {
                await log.WriteLineAsync("  e.g. " + example);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            result.Error = $"{ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            if (fleet is not null)
            {
                await fleet.DisposeAsync();
            }

            result.Duration = clock.Elapsed;
            await log.WriteLineAsync($"[hostile] {(result.Passed ? "passed" : "FAILED")} in {result.Duration.TotalSeconds:0.0} s: {result.RequestTotal} requests, {result.Violations.Count} violations{(result.Error is null ? string.Empty : ", error: " + result.Error)}");
            foreach (var violation in result.Violations.Take(30))
            {
                await log.WriteLineAsync("  " + violation);
            }

            if (result.Passed)
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }

        return result;
    }

    /// <summary>Genuine deliveries of each kind, stored before the hostile ones: the material for replays and tampering.</summary>
    private static async Task WarmUpAsync(ChaosWorld world, HostileContext context, Uri bridge, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = bridge };
        for (var i = 1; i <= 3; i++)
        {
            var envelope = $"{{\"companyID\":\"605b9829cdd37d296123f4b4\",\"payload\":{{\"event\":\"workflow_comment_added\",\"templateID\":\"t1\",\"workflowID\":\"warm{i}\"}},\"timestamp\":\"2026-01-0{i}T00:00:00.000Z\",\"webhookID\":\"w1\"}}";
            var delivery = context.Sign(envelope);
            using var content = new ByteArrayContent(delivery.Body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/ironclad") { Content = content };
            request.Headers.TryAddWithoutValidation("X-Ironclad-Webhook-Event-Id", delivery.EventId);
            request.Headers.TryAddWithoutValidation("X-Ironclad-Webhook-Verification", delivery.Verification);
            await ExpectStoredAsync(http, request, cancellationToken);
            context.Genuine.Add(delivery);

            var seed = Encoding.UTF8.GetBytes($"{{\"event\":\"workflow.comment\",\"workflowId\":\"warmseed{i}\",\"workflowStatus\":\"REVIEW\"}}");
            using var seedContent = new ByteArrayContent(seed);
            seedContent.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            using var seedRequest = new HttpRequestMessage(HttpMethod.Post, "/webhooks/ironclad") { Content = seedContent };
            seedRequest.Headers.TryAddWithoutValidation("X-Ironclad-Signature", context.SeedSignature(seed));
            await ExpectStoredAsync(http, seedRequest, cancellationToken);
            context.GenuineSeedBodies.Add(seed);
        }

        foreach (var lead in world.AddDeals(2, "Warm-up"))
        {
            var form = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"leads[update][0][id]={lead}&leads[update][0][status_id]={world.Negotiation}&leads[update][0][pipeline_id]={world.Sales.Id}&account[subdomain]=acme"));
            using var content = new ByteArrayContent(form);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
            using var request = new HttpRequestMessage(HttpMethod.Post, context.KommoPath) { Content = content };
            await ExpectStoredAsync(http, request, cancellationToken);
            context.GenuineKommoBodies.Add(form);
        }
    }

    private static async Task ExpectStoredAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("stored", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A genuine warm-up delivery to {request.RequestUri} was answered {(int)response.StatusCode}: {body}");
        }
    }

    private static async Task<bool> IsHealthyAsync(BridgeProcess bridge, HttpClient health, CancellationToken cancellationToken)
    {
        if (!bridge.IsRunning)
        {
            return false;
        }

        try
        {
            using var response = await health.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static long Total(JobCounts counts) => counts.Pending + counts.Running + counts.Succeeded + counts.Dead;
}

/// <summary>One hostile run.</summary>
public sealed record HostileRun
{
    public int Requests { get; init; } = 10_000;

    public int Seed { get; init; } = 1;

    public int Concurrency { get; init; } = 8;

    public IReadOnlyList<string> DashboardPaths { get; init; } = HostileScenario.DefaultDashboardPaths;

    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "contractbridge-chaos");
}
