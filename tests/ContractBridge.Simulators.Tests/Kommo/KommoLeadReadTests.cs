using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

public sealed class KommoLeadReadTests
{
    [Fact]
    public async Task GetLead_WithNoCustomFields_HasNullCustomFieldsValuesAndEmptyCompanies()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var lead = await kommo.GetJsonAsync($"api/v4/leads/{account.BareLeadId}");

        var fields = lead.AsObject();
        Assert.True(fields.ContainsKey("custom_fields_values"));
        Assert.Null(fields["custom_fields_values"]);
        Assert.Equal(account.BareLeadId, (long)lead["id"]!);
        Assert.Equal(account.Sales.Id, (long)lead["pipeline_id"]!);
        Assert.Equal(account.Sales.StatusId("New"), (long)lead["status_id"]!);
        Assert.Empty(lead["_embedded"]!["companies"]!.AsArray());
        Assert.False(lead["_embedded"]!.AsObject().ContainsKey("contacts"));
    }

    [Fact]
    public async Task GetLead_WithContacts_EmbedsContactsWithIsMainAndAlwaysCompanies()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var lead = await kommo.GetJsonAsync($"api/v4/leads/{account.FullLeadId}?with=contacts");

        var contacts = lead["_embedded"]!["contacts"]!.AsArray();
        Assert.Equal(2, contacts.Count);
        Assert.False((bool)contacts.Single(c => (long)c!["id"]! == account.HankId)!["is_main"]!);
        Assert.True((bool)contacts.Single(c => (long)c!["id"]! == account.DanaId)!["is_main"]!);
        Assert.Equal(account.CompanyId, (long)lead["_embedded"]!["companies"]![0]!["id"]!);
        Assert.Equal(48000, (long)lead["price"]!);
        Assert.Equal(account.RepId, (long)lead["responsible_user_id"]!);
    }

    [Fact]
    public async Task GetLead_CustomFieldsValues_HaveKommoValueShape()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var lead = await kommo.GetJsonAsync($"api/v4/leads/{account.FullLeadId}");

        var source = lead["custom_fields_values"]!.AsArray().Single(v => (long)v!["field_id"]! == account.Source.Id)!;
        Assert.Equal("Source", (string)source["field_name"]!);
        Assert.Null(source["field_code"]);
        Assert.Equal("select", (string)source["field_type"]!);
        Assert.Equal("Website", (string)source["values"]![0]!["value"]!);
        Assert.Equal(account.Source.EnumIds["Website"], (long)source["values"]![0]!["enum_id"]!);
    }

    [Fact]
    public async Task GetLead_UnknownId_Answers204WithNoBody()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        TestAccount.Seed(kommo.Control);

        using var response = await kommo.Api.GetAsync(new Uri("api/v4/leads/999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ListLeads_FilterIdArray_ReturnsExactlyThoseLeadsInListShape()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.Api.GetAsync(new Uri(
            $"api/v4/leads?filter[id][]={account.BareLeadId}&filter[id][]={account.FullLeadId}&with=contacts&limit=250", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/hal+json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int)body["_page"]!);
        Assert.NotNull(body["_links"]!["self"]!["href"]);
        var ids = body["_embedded"]!["leads"]!.AsArray().Select(l => (long)l!["id"]!).ToList();
        Assert.Equal([account.BareLeadId, account.FullLeadId], ids);
        Assert.NotNull(body["_embedded"]!["leads"]![1]!["_embedded"]!["contacts"]);
    }

    [Fact]
    public async Task ListLeads_SingleFilterId_ReturnsThatLead()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var body = await kommo.GetJsonAsync($"api/v4/leads?filter[id]={account.OtherLeadId}");

        Assert.Equal(account.OtherLeadId, (long)body["_embedded"]!["leads"]!.AsArray().Single()!["id"]!);
    }

    [Fact]
    public async Task ListLeads_PhpIndexedFilter_IsUnderstoodToo()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var body = await kommo.GetJsonAsync($"api/v4/leads?filter[id][0]={account.OtherLeadId}&filter[id][1]={account.BareLeadId}");

        Assert.Equal(2, body["_embedded"]!["leads"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListLeads_NothingMatches_Answers204WithNoBody()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        TestAccount.Seed(kommo.Control);

        using var response = await kommo.Api.GetAsync(new Uri("api/v4/leads?filter[id][]=1&filter[id][]=2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ListLeads_LimitOver250_Answers400ProblemJson()
    {
        await using var kommo = await KommoTestServer.StartAsync();

        using var response = await kommo.Api.GetAsync(new Uri("api/v4/leads?limit=251", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Equal("Bad Request", (string)problem["title"]!);
        Assert.Equal("https://httpstatus.es/400", (string)problem["type"]!);
    }

    [Fact]
    public async Task ListLeads_Paging_NextLinkLeadsToTheRestWithTheSameFilters()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var first = await kommo.GetJsonAsync($"api/v4/leads?filter[id][]={account.FullLeadId}&filter[id][]={account.OtherLeadId}&limit=1");
        var next = new Uri((string)first["_links"]!["next"]!["href"]!);
        var second = JsonNode.Parse(await kommo.Api.GetStringAsync(next))!;

        Assert.Equal(account.FullLeadId, (long)first["_embedded"]!["leads"]![0]!["id"]!);
        Assert.Equal(2, (int)second["_page"]!);
        Assert.Equal(account.OtherLeadId, (long)second["_embedded"]!["leads"]!.AsArray().Single()!["id"]!);
        Assert.Null(second["_links"]!["next"]);
        Assert.NotNull(second["_links"]!["prev"]);
    }
}
