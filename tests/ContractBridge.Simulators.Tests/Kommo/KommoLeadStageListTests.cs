using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>Leads listed by stage (filter[statuses]), by time of change (filter[updated_at]) and by words (query), paged by 250.</summary>
public sealed class KommoLeadStageListTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture);
    private readonly FakeTimeProvider _time = new(T0);

    [Fact]
    public async Task StatusesFilter_ListsTheLeadsInThoseStages_OfThosePipelines()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);
        var renewalSend = account.Renewals.StatusId("Send contract");
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.OtherLeadId], PipelineId = account.Renewals.Id, StatusId = renewalSend });

        var sales = await LeadIdsAsync(kommo, $"filter[statuses][0][pipeline_id]={account.Sales.Id}&filter[statuses][0][status_id]={account.SendContract}");
        Assert.Equal([account.FullLeadId], sales);

        var both = await LeadIdsAsync(kommo,
            $"filter[statuses][0][pipeline_id]={account.Sales.Id}&filter[statuses][0][status_id]={account.SendContract}"
            + $"&filter[statuses][1][pipeline_id]={account.Renewals.Id}&filter[statuses][1][status_id]={renewalSend}");
        Assert.Equal([account.FullLeadId, account.OtherLeadId], both.Order());

        using var none = await kommo.Api.GetAsync(new Uri(
            $"api/v4/leads?filter[statuses][0][pipeline_id]={account.Sales.Id}&filter[statuses][0][status_id]={account.ContractSent}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }

    [Fact]
    public async Task UpdatedAtFrom_ListsOnlyLeadsChangedSince()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);
        _time.Advance(TimeSpan.FromMinutes(5));
        kommo.Control.EditLead(new EditLead { LeadId = account.FullLeadId, Price = 50_000 });
        var since = T0.AddMinutes(5).ToUnixTimeSeconds();

        Assert.Equal([account.FullLeadId], await LeadIdsAsync(kommo, $"filter[updated_at][from]={since}"));
        Assert.Equal([account.BareLeadId, account.OtherLeadId], (await LeadIdsAsync(kommo, $"filter[updated_at][to]={since - 1}")).Order());

        using var bad = await kommo.Api.GetAsync(new Uri("api/v4/leads?filter[updated_at][from]=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Query_FindsLeadsByWordsOfTheirName_NewestFirst_AndNoneIs204()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);
        var first = kommo.Control.AddLead(new SeedLead { Name = "Hooli cloud licence", PipelineId = account.Sales.Id, StatusId = account.SendContract });
        var second = kommo.Control.AddLead(new SeedLead { Name = "HOOLI support", PipelineId = account.Sales.Id, StatusId = account.SendContract });

        Assert.Equal([second, first], await LeadIdsAsync(kommo, "query=hooli&order[id]=desc"));
        Assert.Equal([first], await LeadIdsAsync(kommo, "query=cloud%20licence"));
        Assert.Empty(await LeadIdsAsync(kommo, "query=umbrella"));
    }

    [Fact]
    public async Task AStageOf300Leads_IsReadIn250AndThen50()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);
        var leads = Enumerable.Range(0, 300)
            .Select(i => kommo.Control.AddLead(new SeedLead { Name = $"Deal {i}", PipelineId = account.Sales.Id, StatusId = account.SendContract }))
            .ToList();
        var stage = $"filter[statuses][0][pipeline_id]={account.Sales.Id}&filter[statuses][0][status_id]={account.SendContract}";

        var first = await kommo.GetJsonAsync($"api/v4/leads?{stage}&limit=250&page=1");
        var second = await kommo.GetJsonAsync($"api/v4/leads?{stage}&limit=250&page=2");

        Assert.Equal(250, first["_embedded"]!["leads"]!.AsArray().Count);
        Assert.NotNull(first["_links"]!["next"]);
        Assert.Equal(50, second["_embedded"]!["leads"]!.AsArray().Count);
        Assert.Null(second["_links"]!["next"]);
        var ids = first["_embedded"]!["leads"]!.AsArray().Concat(second["_embedded"]!["leads"]!.AsArray()).Select(l => (long)l!["id"]!);
        Assert.Equal(leads, ids.Order());
    }

    private static async Task<IReadOnlyList<long>> LeadIdsAsync(KommoTestServer kommo, string query)
    {
        using var response = await kommo.Api.GetAsync(new Uri($"api/v4/leads?{query}&limit=250", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["_embedded"]!["leads"]!.AsArray().Select(l => (long)l!["id"]!).ToList();
    }
}
