using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>The event feed (GET /api/v4/events): every stage change recorded, Kommo's filters, pages and wire shape.</summary>
public sealed class KommoEventFeedTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture);
    private readonly FakeTimeProvider _time = new(T0);

    [Fact]
    public async Task RepMove_IsRecordedAsLeadStatusChanged_InKommoWireShape()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract, ByUserId = account.RepId });

        using var response = await kommo.Api.GetAsync(new Uri("api/v4/events?filter[type]=lead_status_changed", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/hal+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int)body["_page"]!);
        Assert.NotNull(body["_links"]!["self"]!["href"]);
        var entry = body["_embedded"]!["events"]!.AsArray().Single()!;
        Assert.Matches("^[0-9a-z]{26}$", (string)entry["id"]!);
        Assert.Equal("lead_status_changed", (string)entry["type"]!);
        Assert.Equal(account.FullLeadId, (long)entry["entity_id"]!);
        Assert.Equal("lead", (string)entry["entity_type"]!);
        Assert.Equal(account.RepId, (long)entry["created_by"]!);
        Assert.Equal(T0.ToUnixTimeSeconds(), (long)entry["created_at"]!);
        Assert.Equal(account.SendContract, (long)entry["value_after"]![0]!["lead_status"]!["id"]!);
        Assert.Equal(account.Sales.Id, (long)entry["value_after"]![0]!["lead_status"]!["pipeline_id"]!);
        Assert.Equal(account.Sales.StatusId("New"), (long)entry["value_before"]![0]!["lead_status"]!["id"]!);
        Assert.Equal(account.FullLeadId, (long)entry["_embedded"]!["entity"]!["id"]!);
    }

    [Fact]
    public async Task IntegrationPatch_IsRecordedToo_AndAnEditWithoutAMoveIsNot()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);

        using var patch = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""[{"id":{{account.OtherLeadId}},"status_id":{{account.ContractSent}}}]""");
        patch.EnsureSuccessStatusCode();
        kommo.Control.EditLead(new EditLead { LeadId = account.OtherLeadId, Price = 2000 });

        var events = await EventsAsync(kommo, "filter[type]=lead_status_changed&filter[entity]=lead");
        var entry = Assert.Single(events);
        Assert.Equal(account.OtherLeadId, (long)entry["entity_id"]!);
        Assert.Equal(account.ContractSent, (long)entry["value_after"]![0]!["lead_status"]!["id"]!);
    }

    [Fact]
    public async Task ValueAfterFilter_KeepsOnlyEntriesIntoThatStage_OfThatPipeline()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.OtherLeadId], StatusId = account.ContractSent });
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.BareLeadId], PipelineId = account.Renewals.Id, StatusId = account.Renewals.StatusId("Send contract") });

        var events = await EventsAsync(kommo,
            $"filter[type]=lead_status_changed&filter[value_after][leads_statuses][0][pipeline_id]={account.Sales.Id}"
            + $"&filter[value_after][leads_statuses][0][status_id]={account.SendContract}");

        Assert.Equal([account.FullLeadId], events.Select(e => (long)e["entity_id"]!));

        var either = await EventsAsync(kommo,
            $"filter[value_after][leads_statuses][0][pipeline_id]={account.Sales.Id}&filter[value_after][leads_statuses][0][status_id]={account.SendContract}"
            + $"&filter[value_after][leads_statuses][1][pipeline_id]={account.Renewals.Id}&filter[value_after][leads_statuses][1][status_id]={account.Renewals.StatusId("Send contract")}");
        Assert.Equal([account.BareLeadId, account.FullLeadId], either.Select(e => (long)e["entity_id"]!).Order());
    }

    [Fact]
    public async Task CreatedAtRange_IsInclusive_AndTheFeedIsNewestFirst()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });
        _time.Advance(TimeSpan.FromMinutes(1));
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.OtherLeadId], StatusId = account.SendContract });
        _time.Advance(TimeSpan.FromMinutes(1));
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.BareLeadId], StatusId = account.SendContract });
        var second = T0.AddMinutes(1).ToUnixTimeSeconds();

        var all = await EventsAsync(kommo, "filter[type]=lead_status_changed");
        Assert.Equal([account.BareLeadId, account.OtherLeadId, account.FullLeadId], all.Select(e => (long)e["entity_id"]!));

        var fromSecond = await EventsAsync(kommo, $"filter[created_at][from]={second}");
        Assert.Equal([account.BareLeadId, account.OtherLeadId], fromSecond.Select(e => (long)e["entity_id"]!));

        var onlySecond = await EventsAsync(kommo, $"filter[created_at][from]={second}&filter[created_at][to]={second}");
        Assert.Equal([account.OtherLeadId], onlySecond.Select(e => (long)e["entity_id"]!));
    }

    [Fact]
    public async Task Pages_AreAtMost100_WithNextLinks_AndAnEmptyPageIs204()
    {
        await using var kommo = await KommoTestServer.StartAsync(time: _time);
        var account = TestAccount.Seed(kommo.Control);
        var leads = Enumerable.Range(0, 120).Select(i => kommo.Control.AddLead(new SeedLead { Name = $"Deal {i}", PipelineId = account.Sales.Id })).ToList();
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = leads, StatusId = account.SendContract });

        using var tooMany = await kommo.Api.GetAsync(new Uri("api/v4/events?limit=250", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        var first = await kommo.GetJsonAsync("api/v4/events?filter[type]=lead_status_changed&limit=100&page=1");
        Assert.Equal(100, first["_embedded"]!["events"]!.AsArray().Count);
        Assert.Contains("page=2", (string)first["_links"]!["next"]!["href"]!, StringComparison.Ordinal);
        var second = await kommo.GetJsonAsync("api/v4/events?filter[type]=lead_status_changed&limit=100&page=2");
        Assert.Equal(20, second["_embedded"]!["events"]!.AsArray().Count);
        Assert.Null(second["_links"]!["next"]);
        var ids = first["_embedded"]!["events"]!.AsArray().Concat(second["_embedded"]!["events"]!.AsArray()).Select(e => (long)e!["entity_id"]!);
        Assert.Equal(leads.Order(), ids.Order());

        using var empty = await kommo.Api.GetAsync(new Uri("api/v4/events?filter[type]=lead_status_changed&limit=100&page=3", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
        Assert.Empty(await empty.Content.ReadAsByteArrayAsync());
    }

    private static async Task<IReadOnlyList<JsonNode>> EventsAsync(KommoTestServer kommo, string query)
    {
        using var response = await kommo.Api.GetAsync(new Uri($"api/v4/events?{query}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["_embedded"]!["events"]!.AsArray().Select(e => e!).ToList();
    }
}
