using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ContractBridge.Contracts;
using ContractBridge.Flows.Jobs;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>
/// The dashboard's deal story at /deals/{leadId} and the contract search at /contracts?q=, over loopback HTTP against the
/// simulators: what a launched deal's page shows, who sees a replay button, what the search finds, what is refused, and
/// that the "older" links page through keyset reads.
/// </summary>
public sealed partial class DealPageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ALaunchedDeal_HasAStoryPage_AndTheSearchFindsItByNameNumberAndLead()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration);
        var lead = bridge.Account.AddDeal("Globex Licence");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, workflow.IroncladId);
        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);
        var leadText = lead.ToString(CultureInfo.InvariantCulture);

        var story = await client.GetPageAsync($"/deals/{leadText}");
        var byName = await client.GetPageAsync("/contracts?q=globex%20l");
        var byNumber = await client.GetPageAsync($"/contracts?q={workflow.IroncladId.ToLowerInvariant()}");
        var byLead = await client.GetPageAsync($"/contracts?q={leadText}");
        var none = await client.GetPageAsync("/contracts?q=Umbrella");
        var newest = await client.GetPageAsync("/contracts");

        Assert.Contains("<h1>Globex Licence <span class=\"muted\">#" + leadText + "</span></h1>", story, StringComparison.Ordinal);
        Assert.Contains($"href=\"{bridge.Kommo.BaseUrl.GetLeftPart(UriPartial.Authority)}/leads/detail/{leadText}\"", story, StringComparison.Ordinal);
        Assert.Matches($"href=\"[^\"]+/workflows/{Regex.Escape(workflow.Id)}\"[^>]*>{Regex.Escape(workflow.IroncladId)} in Ironclad<", story);
        Assert.Contains($"<tr data-workflow=\"{workflow.Id}\">", story, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Launching\"", story, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Created\"", story, StringComparison.Ordinal);
        Assert.Matches($"(?s)data-kind=\"{Regex.Escape(JobKinds.Launch)}\">.*?Launch the contract in Ironclad.*?<td>succeeded</td>", story);
        Assert.Contains("Write a note on the deal", story, StringComparison.Ordinal);
        Assert.Matches("(?s)<table data-testid=\"deal-events\">.*?<td>kommo</td>", story);
        Assert.Matches($"(?s)<table data-testid=\"deal-writes\">.*?<tr data-write=\"note\">.*?{Regex.Escape(workflow.IroncladId)}", story);
        Assert.DoesNotContain("data-testid=\"replay-", story, StringComparison.Ordinal);

        foreach (var found in new[] { byName, byNumber, byLead, newest })
        {
            Assert.Single(Rows().Matches(found), m => m.Groups[1].Value == leadText);
            Assert.Contains($"<a href=\"/deals/{leadText}\" data-testid=\"deal-{leadText}\">Globex Licence</a>", found, StringComparison.Ordinal);
            Assert.Contains($">{workflow.IroncladId}</a>", found, StringComparison.Ordinal);
        }

        Assert.Contains("1 contract(s) on this page match “globex l”", byName, StringComparison.Ordinal);
        Assert.Contains("No contract matches.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("data-lead=", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeadJobsReplayButton_IsThereForAnAdmin_AndNotForAViewer_ItsErrorMasked()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.WithViewer, registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "Kommo said 401 to Bearer kommo-sim-long-lived-token <b>no</b>", key: "lead:77", subject: JobKinds.LeadKey(77));
        using var client = new DashboardClient(bridge);

        using var admin = await client.GetAsync("/deals/77", bearer: DashboardClient.AdminToken);
        using var viewer = await client.GetAsync("/deals/77", bearer: DashboardClient.ViewerToken);
        var adminPage = await admin.Content.ReadAsStringAsync();
        var viewerPage = await viewer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Contains($"<form method=\"post\" action=\"/jobs/{id}/replay\">", adminPage, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"replay-{id}\"", adminPage, StringComparison.Ordinal);
        Assert.Contains($"<tr data-job=\"{id}\"", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/replay", viewerPage, StringComparison.Ordinal);
        foreach (var page in new[] { adminPage, viewerPage })
        {
            Assert.Contains("<td>dead</td>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("kommo-sim-long-lived-token", page, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;no&lt;/b&gt;", page, StringComparison.Ordinal);
            Assert.Contains("No contract: none was launched for this deal.", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/contracts?limit=0", "limit must be a whole number from 1 to 1000.")]
    [InlineData("/contracts?limit=1001", "limit must be a whole number from 1 to 1000.")]
    [InlineData("/contracts?q=acme&limit=ten", "limit must be a whole number from 1 to 1000.")]
    [InlineData("/contracts?before=soon", "before must be the id")]
    [InlineData("/contracts?q=acme&after=9:1:x", "after must be the cursor")]
    [InlineData("/deals/77?limit=0", "limit must be a whole number from 1 to 1000.")]
    [InlineData("/deals/77?jobs=-1", "states, jobs, events and writes must be the ids")]
    [InlineData("/deals/77?writes=x", "states, jobs, events and writes must be the ids")]
    public async Task BadLimitsAndCursors_Are400_SayingWhatIsExpected(string path, string message)
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var response = await client.GetAsync(path, bearer: DashboardClient.AdminToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryOver200Characters_Is400_AndUnknownOrNonNumericLeadsAre404()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        using var client = new DashboardClient(bridge);

        using var longest = await client.GetAsync($"/contracts?q={new string('a', 200)}", bearer: DashboardClient.AdminToken);
        using var tooLong = await client.GetAsync($"/contracts?q={new string('a', 201)}", bearer: DashboardClient.AdminToken);
        using var unknown = await client.GetAsync("/deals/987654321", bearer: DashboardClient.AdminToken);
        using var notANumber = await client.GetAsync("/deals/acme", bearer: DashboardClient.AdminToken);

        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("q is at most 200 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("The bridge has no contract, job or event about lead 987654321.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
    }

    [Fact]
    public async Task OlderLinks_PageThroughContractsSearchesAndADealsJobs()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => DashboardClient.Configuration, registerWebhooks: false);
        var now = DateTimeOffset.UtcNow;
        foreach (var lead in Enumerable.Range(1, 5).Select(i => 900L + i))
        {
            await bridge.Contracts.AdoptAsync(new ContractLink(lead, $"wf-{lead}", $"IC-{lead}", "MSA", "msa", ContractState.Review, false, now, now, now, null, $"Paged Deal {lead}"), None);
        }

        var jobs = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await DeadJobs.AddAsync(bridge.Store, $"boom {i}", key: "lead:77", subject: JobKinds.LeadKey(77)));
        }

        using var client = new DashboardClient(bridge);
        await client.LoginAsync(DashboardClient.AdminToken);

        var newest = await FollowAsync(client, "/contracts?limit=2");
        var searched = await FollowAsync(client, "/contracts?q=paged%20deal&limit=2");
        var deal = await FollowAsync(client, "/deals/77?limit=2");

        Assert.Equal([["905", "904"], ["903", "902"], ["901"]], newest.Select(Leads));
        Assert.Equal([["901", "902"], ["903", "904"], ["905"]], searched.Select(Leads));
        Assert.Equal(
            [[jobs[2], jobs[1]], [jobs[0]]],
            deal.Select(page => DealJobs().Matches(page).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList()));
        Assert.Contains("No older events.", deal[1], StringComparison.Ordinal);
    }

    /// <summary>The page at <paramref name="path"/> and every page its "older" links lead to, in order.</summary>
    private static async Task<List<string>> FollowAsync(DashboardClient client, string path)
    {
        var pages = new List<string>();
        for (var next = path; next is not null && pages.Count < 10;)
        {
            var page = await client.GetPageAsync(next);
            pages.Add(page);
            next = Older().Match(page) is { Success: true } older ? WebUtility.HtmlDecode(older.Groups[1].Value) : null;
        }

        return pages;
    }

    private static List<string> Leads(string page) => [.. Rows().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr data-lead=\"(\\d+)\"")]
    private static partial Regex Rows();

    [GeneratedRegex("<tr data-job=\"(\\d+)\"")]
    private static partial Regex DealJobs();

    [GeneratedRegex("<a href=\"([^\"]+)\" data-testid=\"older\"")]
    private static partial Regex Older();
}
