using System.Net;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>
/// <c>GET /api/v4/{leads,contacts,companies}/custom_fields</c> as a deal preview reads them: each entity's own
/// definitions, paged like every Kommo list (<c>_page</c>, <c>_links</c> self/next/prev, <c>_embedded.custom_fields</c>,
/// 204 past the last page).
/// </summary>
public sealed class KommoCustomFieldListTests
{
    [Fact]
    public async Task EachEntity_ListsOnlyItsOwnFields_WithNameTypeCodeAndEntityType()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var industry = kommo.Control.AddCustomField(new SeedCustomField { Name = "Industry", Type = "select", EntityType = "companies", Code = "INDUSTRY", Enums = ["Retail", "Energy"] });
        var title = kommo.Control.AddCustomField(new SeedCustomField { Name = "Job title", EntityType = "contacts", Code = "JOB_TITLE" });
        var po = kommo.Control.AddCustomField(new SeedCustomField { Name = "PO number", Code = "PO" });

        var companies = (await kommo.GetJsonAsync("api/v4/companies/custom_fields"))["_embedded"]!["custom_fields"]!.AsArray();
        var contacts = (await kommo.GetJsonAsync("api/v4/contacts/custom_fields"))["_embedded"]!["custom_fields"]!.AsArray();
        var leads = (await kommo.GetJsonAsync("api/v4/leads/custom_fields"))["_embedded"]!["custom_fields"]!.AsArray();

        var company = Assert.Single(companies, f => (long)f!["id"]! == industry.Id)!;
        Assert.Equal(("Industry", "select", "INDUSTRY", "companies"), ((string)company["name"]!, (string)company["type"]!, (string)company["code"]!, (string)company["entity_type"]!));
        Assert.Equal(["Retail", "Energy"], company["enums"]!.AsArray().Select(e => (string)e!["value"]!));
        Assert.EndsWith($"/api/v4/companies/custom_fields/{industry.Id}", (string)company["_links"]!["self"]!["href"]!, StringComparison.Ordinal);
        Assert.Contains(contacts, f => (long)f!["id"]! == title.Id && (string)f["name"]! == "Job title");
        Assert.Contains(leads, f => (long)f!["id"]! == po.Id);
        Assert.DoesNotContain(leads, f => (long)f!["id"]! == industry.Id || (long)f!["id"]! == title.Id);
        Assert.DoesNotContain(companies, f => (long)f!["id"]! == po.Id || (long)f!["id"]! == title.Id);
    }

    [Fact]
    public async Task ALongList_IsPaged_WithNextAndPrevLinks_And204PastTheEnd()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var ids = Enumerable.Range(1, 3).Select(i => kommo.Control.AddCustomField(new SeedCustomField { Name = $"Region {i}", EntityType = "companies" }).Id).ToList();

        var first = await kommo.GetJsonAsync("api/v4/companies/custom_fields?limit=2");
        var second = await kommo.GetJsonAsync("api/v4/companies/custom_fields?limit=2&page=2");
        using var past = await kommo.Api.GetAsync(new Uri("api/v4/companies/custom_fields?limit=2&page=3", UriKind.Relative));

        Assert.Equal(1, (int)first["_page"]!);
        Assert.Contains("page=2", (string)first["_links"]!["next"]!["href"]!, StringComparison.Ordinal);
        Assert.Null(first["_links"]!["prev"]);
        Assert.Equal(2, (int)second["_page"]!);
        Assert.Contains("page=1", (string)second["_links"]!["prev"]!["href"]!, StringComparison.Ordinal);
        Assert.Null(second["_links"]!["next"]);
        Assert.Equal(ids, first["_embedded"]!["custom_fields"]!.AsArray().Concat(second["_embedded"]!["custom_fields"]!.AsArray()).Select(f => (long)f!["id"]!));
        Assert.Equal(HttpStatusCode.NoContent, past.StatusCode);
    }
}
