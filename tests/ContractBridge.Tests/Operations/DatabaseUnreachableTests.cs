using System.Globalization;
using System.Net;
using System.Text;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operations.Support;
using ContractBridge.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Tests.Operations;

/// <summary>
/// The bridge on a real PostgreSQL (CONTRACTBRIDGE_TEST_POSTGRES) reached through a proxy the test cuts, as when the
/// database host goes away: webhooks are told to come back later, the outage is logged once (by the webhooks and by the
/// gauges behind /metrics), and everything resumes by itself when the database is back.
/// </summary>
public sealed class DatabaseUnreachableTests
{
    private const string OutageCategory = "ContractBridge.Web.DatabaseOutage";
    private const string IntakeCategory = "ContractBridge.Engine.Intake.EventIntake";
    private const string GaugesCategory = "ContractBridge.Observability.MetricsSnapshotRefresher";
    private const string Refusal = "{\"error\":\"The database is unreachable; the event was not stored. Deliver it again later.\"}";

    [Fact]
    public async Task WhileTheDatabaseIsUnreachable_WebhooksAre503WithRetryAfter_LoggedOnce_AndAllResumesWhenItIsBack()
    {
        await using var database = await PostgresDatabase.CreateAsync(PostgresDatabase.ResolveServer(null), CancellationToken.None);
        await using var proxy = await TcpProxy.StartAsync(database.ConnectionString);
        var logs = new RecordingLoggerProvider();
        await using var bridge = await BridgeHarness.StartAsync(
            registerWebhooks: false,
            configuration: _ => new Dictionary<string, string?>
            {
                ["ContractBridge:Postgres"] = proxy.Through(database.ConnectionString),
                ["ContractBridge:Secrets:MasterKey"] = BridgeHarness.MasterKey,
                ["ContractBridge:Metrics:RefreshInterval"] = "00:00:00.050",
                ["Logging:LogLevel:ContractBridge.Web"] = "Information",
                ["Logging:LogLevel:ContractBridge.Observability"] = "Information",
            },
            services: s => s.AddLogging(l => l.AddProvider(logs)));
        var lead = bridge.Account.AddDeal("Outage Ltd");
        bridge.Account.MoveToSendContract(lead);

        await proxy.CutAsync();
        await Eventually.TrueAsync(() => logs.Entries.Any(e => e.Category == GaugesCategory), "the gauges failing to be read");
        var refused = new List<(HttpStatusCode Status, TimeSpan? RetryAfter, string Body)>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await PostMoveAsync(bridge, lead);
            refused.Add((response.StatusCode, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync()));
        }

        using var readiness = await bridge.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.All(refused, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), Refusal), r));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Equal("the database does not answer", await readiness.Content.ReadAsStringAsync());
        Assert.Single(logs.Entries, e => e.Category == OutageCategory && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level >= LogLevel.Error);
        Assert.True(logs.Entries.Count(e => e.Category == IntakeCategory) <= 1, "Deliveries during the outage were still sent to the intake after the first.");
        Assert.Single(logs.Entries, e => e.Category == GaugesCategory && e.Level == LogLevel.Warning);

        proxy.Restore();
        string? stored = null;
        await Eventually.TrueAsync(async () => (stored = await StoreAsync(bridge, lead)) is not null, "a webhook stored once the database is back");
        await Eventually.TrueAsync(async () => (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))?.WorkflowId is not null, "the launch the webhook asked for", explain: bridge.Explain);

        Assert.Equal("{\"status\":\"stored\",\"jobs\":1}", stored);
        var back = Assert.Single(logs.Entries, e => e.Category == OutageCategory && e.Level == LogLevel.Information);
        Assert.Contains("The database answers again", back.Text, StringComparison.Ordinal);
        Assert.Single(bridge.Ironclad.Control.Workflows());
        using var ready = await bridge.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await Eventually.TrueAsync(() => logs.Entries.Any(e => e.Category == GaugesCategory && e.Level == LogLevel.Information), "the gauges read again");
        Assert.Single(logs.Entries, e => e.Category == GaugesCategory && e.Level == LogLevel.Warning);
    }

    /// <summary>The answer's body when the webhook was taken, else null (still refused: a pooled connection may be stale).</summary>
    private static async Task<string?> StoreAsync(BridgeHarness bridge, long lead)
    {
        using var response = await PostMoveAsync(bridge, lead);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
    }

    /// <summary>What Kommo sends when the deal enters Send contract.</summary>
    private static async Task<HttpResponseMessage> PostMoveAsync(BridgeHarness bridge, long lead)
    {
        var account = bridge.Account;
        var body = string.Create(CultureInfo.InvariantCulture, $"leads[status][0][id]={lead}&leads[status][0][status_id]={account.SendContract}&leads[status][0][old_status_id]={account.Negotiation}&leads[status][0][pipeline_id]={account.Sales.Id}&leads[status][0][old_pipeline_id]={account.Sales.Id}");
        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        return await bridge.Http.PostAsync(new Uri(BridgeHarness.KommoWebhookPath, UriKind.Relative), content);
    }
}
