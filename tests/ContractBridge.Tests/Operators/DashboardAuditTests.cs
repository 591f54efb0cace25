using System.Net;
using ContractBridge.Audit;
using ContractBridge.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>Logins, logouts and replays land in the audit log (who, what, from where) and show at /audit, newest first.</summary>
public sealed class DashboardAuditTests
{
    [Fact]
    public async Task LoginReplaysAndLogout_AreRecorded_AndListedNewestFirst()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.WithViewer, registerWebhooks: false);
        var first = await DeadJobs.AddAsync(bridge.Store, "one");
        await DeadJobs.AddAsync(bridge.Store, "two");
        using var admin = new DashboardClient(bridge);
        await admin.LoginAsync(DashboardClient.AdminToken);
        var formToken = DashboardClient.Csrf(await admin.GetPageAsync("/jobs"));
        (await admin.PostAsync($"/jobs/{first}/replay", formToken)).Dispose();
        (await admin.PostAsync("/jobs/replay-dead", formToken)).Dispose();
        (await admin.PostAsync("/logout", formToken)).Dispose();
        using var viewer = new DashboardClient(bridge);
        await viewer.LoginAsync(DashboardClient.ViewerToken);

        var entries = await bridge.App.Services.GetRequiredService<IAuditLog>().ListAsync(10, CancellationToken.None);
        var page = await viewer.GetPageAsync("/audit");
        var limited = await viewer.GetPageAsync("/audit?limit=1");

        Assert.Equal(
            [
                ("viewer", AuditActions.Login, "signed in as viewer"),
                ("admin", AuditActions.Logout, "signed out"),
                ("admin", AuditActions.ReplayAllDead, "1 dead job(s)"),
                ("admin", AuditActions.Replay, $"job {first}"),
                ("admin", AuditActions.Login, "signed in as admin"),
            ],
            entries.Select(e => (e.Actor, e.Action, e.Detail)));
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.Client));
        Assert.True(page.IndexOf("data-action=\"replay-all-dead\"", StringComparison.Ordinal) < page.IndexOf("data-action=\"replay\"", StringComparison.Ordinal));
        Assert.Contains($"job {first}", page, StringComparison.Ordinal);
        Assert.Contains("1 shown", limited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongToken_IsNotALogin_AndTheAuditPagesLimitIsChecked()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);
        (await client.LoginAsync("not-the-admin-token-at-all")).Dispose();
        var before = await bridge.App.Services.GetRequiredService<IAuditLog>().ListAsync(10, CancellationToken.None);
        await client.LoginAsync(DashboardClient.AdminToken);

        using var bad = await client.GetAsync("/audit?limit=0");

        Assert.Empty(before);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
