using System.Text;
using System.Text.Json;
using ContractBridge.Chaos.Checks;
using ContractBridge.Chaos.World;
using ContractBridge.Engine.Storage;
using ContractBridge.Hosting;
using ContractBridge.Kommo;
using ContractBridge.Secrets;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ContractBridge.Tests.Security;

/// <summary>
/// No secret — API keys, tokens, webhook secrets, OAuth client secrets, refresh tokens, the admin token — appears in any
/// log entry (every level down to Trace, with its state, scopes and exceptions) or any HTTP answer, through a whole
/// contract lifecycle, token refreshes, refused webhooks and an upstream that refuses the bridge's key.
/// </summary>
public sealed class SecretLeakTests(ITestOutputHelper output)
{
    public static TheoryData<bool, bool, bool, bool> Credentials => new()
    {
        { true, false, false, false },  // Kommo OAuth (short tokens, refreshed often), Ironclad legacy API key
        { false, true, false, false },  // Kommo long-lived token, Ironclad OAuth client credentials
        { false, false, true, false },  // an Ironclad API key that Ironclad refuses: the errors are logged
        { false, false, false, true },  // an operator turns ASP.NET Core's own logging up to Trace while debugging
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task Lifecycle_WithDistinctiveSecrets_LeavesNoneInAnyLogEntryOrAnswer(bool kommoOAuth, bool ironcladOAuth, bool refusedKey, bool frameworkAtTrace)
    {
        await using var world = await ChaosWorld.StartAsync(new WorldOptions
        {
            Seed = 31,
            KommoOAuth = kommoOAuth,
            KommoAccessTokenLifetime = TimeSpan.FromSeconds(20),
            IroncladOAuth = ironcladOAuth,
        }, CancellationToken.None);
        var refusedApiKey = "ironclad-key-S3CR3T-refused-" + Guid.NewGuid().ToString("N");
        var data = Directory.CreateTempSubdirectory("cb-secrets-");
        var settings = world.BridgeSettings(new BridgeTuning
        {
            DataDirectory = data.FullName,
            LogLevel = LogLevel.Trace,
            ReconcilerInterval = TimeSpan.FromSeconds(1),
            KommoRefreshBefore = TimeSpan.FromSeconds(15),
            Extra = refusedKey ? new Dictionary<string, string?> { ["ContractBridge:Ironclad:ApiKey"] = refusedApiKey } : new Dictionary<string, string?>(),
        });
        if (frameworkAtTrace)
        {
            foreach (var category in new[] { "Microsoft.AspNetCore", "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http.HttpClient" })
            {
                settings[$"Logging:LogLevel:{category}"] = "Trace";
            }
        }

        settings["urls"] = "http://127.0.0.1:0";
        var recorder = new RecordingLoggerProvider();
        await using var app = BridgeApp.Build([], settings, services => services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(recorder);
        }));
        await app.StartAsync();
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = url };
        var answers = new List<string>();
        await world.RegisterWebhooksAsync(url, CancellationToken.None);
        var leads = world.AddDeals(3);

        world.Kommo.Control.MoveLeads(new MoveLeads { LeadIds = [.. leads], StatusId = world.SendContract });
        if (refusedKey)
        {
            await Eventually.TrueAsync(async () => (await app.Services.GetRequiredService<IBridgeStore>().CountAsync(CancellationToken.None)).Dead > 0, "a launch refused by Ironclad");
        }
        else
        {
            await RunLifecycleAsync(world, leads);
        }

        await SendRefusedRequestsAsync(world, http, answers);
        var scanner = new SecretScanner([.. world.Secrets.All, ("refused Ironclad API key", refusedApiKey), .. await StoredTokensAsync(app.Services.GetRequiredService<CredentialVault>())]);
        var databaseFile = Path.Combine(data.FullName, BridgeStoreFactory.SqliteFileName);
        await app.StopAsync();

        var hits = recorder.Entries.SelectMany(e => scanner.Scan(e.Text, $"a {e.Level} log entry of {e.Category}: {Redact(e.Text, world)}"))
            .Concat(answers.SelectMany(a => scanner.Scan(a, "an HTTP answer")))
            .Concat(DatabaseText(databaseFile).SelectMany(text => scanner.Scan(text, "the database files")))
            .Distinct()
            .ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits.Take(10)));
        Assert.Contains(recorder.Entries, e => e.Level == LogLevel.Trace || e.Level == LogLevel.Debug);
        Assert.True(recorder.Entries.Count > 10, $"Only {recorder.Entries.Count} log entries were recorded: the scan proves little.");
        Assert.Contains(recorder.Entries, e => e.Category.StartsWith("ContractBridge.", StringComparison.Ordinal));
        output.WriteLine(string.Join("\n", recorder.Entries.GroupBy(e => (e.Category, e.Level)).Select(g => $"{g.Count(),4} {g.Key.Level} {g.Key.Category}")));
        output.WriteLine(string.Join("\n", recorder.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => Redact(e.Text, world, 3000))));
        Assert.True(scanner.SecretCount >= 8);
    }

    private static async Task RunLifecycleAsync(ChaosWorld world, IReadOnlyList<long> leads)
    {
        bool AllHave(NoteKind kind) => leads.All(l => world.Kommo.Control.GetLead(l)!.Notes.Any(n => NoteKinds.Of(n) == kind));
        await Eventually.TrueAsync(() => AllHave(NoteKind.Launched), "every launch note", TimeSpan.FromSeconds(60));
        var workflows = world.Ironclad.Control.Workflows();
        foreach (var workflow in workflows)
        {
            world.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Sign);
        }

        await Eventually.TrueAsync(() => AllHave(NoteKind.Signature), "every signature note", TimeSpan.FromSeconds(60));
        foreach (var workflow in workflows)
        {
            world.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        }

        await Eventually.TrueAsync(() => AllHave(NoteKind.Executed) && leads.All(l => world.Kommo.Control.GetLead(l)!.Attachments.Count == 1), "every close and PDF", TimeSpan.FromSeconds(60));
    }

    /// <summary>Near misses of every credential, and the pages anyone can ask for: their answers must not echo a secret.</summary>
    private static async Task SendRefusedRequestsAsync(ChaosWorld world, HttpClient http, List<string> answers)
    {
        async Task SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json", params (string, string)[] headers)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }

            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(request);
            answers.Add($"{(int)response.StatusCode} {response.Headers} {response.Content.Headers} {await response.Content.ReadAsStringAsync()}");
        }

        var secrets = world.Secrets;
        await SendAsync(HttpMethod.Post, "/webhooks/kommo/" + secrets.KommoWebhookSecret[..^1] + "x", "leads[status][0][id]=1", "application/x-www-form-urlencoded");
        await SendAsync(HttpMethod.Post, "/webhooks/kommo/" + Uri.EscapeDataString(secrets.KommoWebhookSecret), "{\"leads\":", "application/json");
        await SendAsync(HttpMethod.Post, "/webhooks/ironclad", "{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"abc\"}}", "application/json",
            ("X-Ironclad-Webhook-Event-Id", "webhookEvent1"), ("X-Ironclad-Webhook-Verification", "{\"nonce\":\"n\",\"signature\":\"" + Convert.ToBase64String(new byte[256]) + "\"}"));
        await SendAsync(HttpMethod.Post, "/webhooks/ironclad", "{\"event\":\"workflow.state.changed\",\"workflowId\":\"abc\"}", "application/json", ("X-Ironclad-Signature", new string('0', 64)));
        foreach (var path in new[] { "/", "/healthz", "/readyz", "/metrics", "/jobs", "/contracts", "/events", "/audit", "/login" })
        {
            await SendAsync(HttpMethod.Get, path);
            await SendAsync(HttpMethod.Get, path, headers: ("Authorization", "Bearer " + secrets.AdminToken[..^1]));
        }
    }

    private static async Task<IEnumerable<(string, string)>> StoredTokensAsync(CredentialVault vault)
    {
        var stored = await vault.ReadAsync(KommoOAuthTokens.StateKey, isPlainTextFromOlderRelease: null, CancellationToken.None);
        if (stored is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(stored.Value);
        return [("stored Kommo access token", document.RootElement.GetProperty("AccessToken").GetString()!), ("stored Kommo refresh token", document.RootElement.GetProperty("RefreshToken").GetString()!)];
    }

    /// <summary>
    /// The SQLite database, its WAL and shared memory as text (read after the service stopped): a stored credential
    /// in plain text would show here, as UTF-8 in a TEXT column.
    /// </summary>
    private static IEnumerable<string> DatabaseText(string databaseFile) =>
        new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" }.Where(File.Exists).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)));

    /// <summary>The failure message shows where a secret was, not the secret.</summary>
    private static string Redact(string text, ChaosWorld world, int length = 300)
    {
        foreach (var (_, value) in world.Secrets.All)
        {
            text = text.Replace(value, "***", StringComparison.Ordinal);
        }

        return text.Length <= length ? text : text[..length] + "…";
    }
}
