using System.Net;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

public sealed class KommoAccountReadTests
{
    [Fact]
    public async Task GetContact_EmailsAndPhones_AreMultitextValuesWithFieldCodeAndEnumCode()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var contact = await kommo.GetJsonAsync($"api/v4/contacts/{account.DanaId}");

        Assert.Equal("Dana Scully", (string)contact["name"]!);
        Assert.Equal("Dana", (string)contact["first_name"]!);
        Assert.Equal("Scully", (string)contact["last_name"]!);
        var values = contact["custom_fields_values"]!.AsArray();
        var email = values.Single(v => (string?)v!["field_code"] == "EMAIL")!;
        Assert.Equal("multitext", (string)email["field_type"]!);
        Assert.Equal(
            [("dana@globex.example", "WORK"), ("dana@home.example", "PRIV")],
            email["values"]!.AsArray().Select(v => ((string)v!["value"]!, (string)v["enum_code"]!)).ToList());
        var phone = values.Single(v => (string?)v!["field_code"] == "PHONE")!;
        Assert.Equal("+1 202 555 0143", (string)phone["values"]![0]!["value"]!);
        Assert.Equal("MOB", (string)phone["values"]![0]!["enum_code"]!);
        Assert.Equal(account.CompanyId, (long)contact["_embedded"]!["companies"]![0]!["id"]!);
    }

    [Fact]
    public async Task GetContact_WithoutEmail_HasOnlyThePhoneField()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var contact = await kommo.GetJsonAsync($"api/v4/contacts/{account.HankId}");

        var codes = contact["custom_fields_values"]!.AsArray().Select(v => (string?)v!["field_code"]).ToList();
        Assert.Equal(["PHONE"], codes);
    }

    [Fact]
    public async Task ListContacts_FilterIds_ReturnsThoseContacts_And204WhenNoneMatch()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var body = await kommo.GetJsonAsync($"api/v4/contacts?filter[id][]={account.DanaId}&filter[id][]={account.HankId}");
        using var empty = await kommo.Api.GetAsync(new Uri("api/v4/contacts?filter[id][]=5", UriKind.Relative));

        Assert.Equal([account.DanaId, account.HankId], body["_embedded"]!["contacts"]!.AsArray().Select(c => (long)c!["id"]!).ToList());
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
    }

    [Fact]
    public async Task GetCompany_HasNameAndNullCustomFieldsValues()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var company = await kommo.GetJsonAsync($"api/v4/companies/{account.CompanyId}");
        var list = await kommo.GetJsonAsync($"api/v4/companies?filter[id][]={account.CompanyId}");

        Assert.Equal("Globex Corporation", (string)company["name"]!);
        Assert.True(company.AsObject().ContainsKey("custom_fields_values"));
        Assert.Null(company["custom_fields_values"]);
        Assert.Single(list["_embedded"]!["companies"]!.AsArray());
    }

    [Fact]
    public async Task GetPipelines_EveryPipelineEmbedsItsStatusesIncludingWonAndLost()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var body = await kommo.GetJsonAsync("api/v4/leads/pipelines");
        var one = await kommo.GetJsonAsync($"api/v4/leads/pipelines/{account.Renewals.Id}");

        var pipelines = body["_embedded"]!["pipelines"]!.AsArray();
        Assert.Equal(2, pipelines.Count);
        foreach (var pipeline in pipelines)
        {
            var statuses = pipeline!["_embedded"]!["statuses"]!.AsArray();
            Assert.Contains(statuses, s => (long)s!["id"]! == 142 && (string)s["name"]! == "Closed - won");
            Assert.Contains(statuses, s => (long)s!["id"]! == 143 && (string)s["name"]! == "Closed - lost");
            Assert.All(statuses, s => Assert.Equal((long)pipeline["id"]!, (long)s!["pipeline_id"]!));
        }

        Assert.True((bool)pipelines.Single(p => (long)p!["id"]! == account.Sales.Id)!["is_main"]!);
        Assert.Equal("Renewals", (string)one["name"]!);
    }

    [Fact]
    public async Task GetContactCustomFields_EmailAndPhoneAreMultitextWithKommosEnumCodes()
    {
        await using var kommo = await KommoTestServer.StartAsync();

        var body = await kommo.GetJsonAsync("api/v4/contacts/custom_fields");

        var fields = body["_embedded"]!["custom_fields"]!.AsArray();
        var email = fields.Single(f => (string?)f!["code"] == "EMAIL")!;
        var phone = fields.Single(f => (string?)f!["code"] == "PHONE")!;
        Assert.Equal("multitext", (string)email["type"]!);
        Assert.Equal(["WORK", "PRIV", "OTHER"], email["enums"]!.AsArray().Select(e => (string)e!["value"]!).ToList());
        Assert.Equal(["WORK", "WORKDD", "MOB", "FAX", "HOME", "OTHER"], phone["enums"]!.AsArray().Select(e => (string)e!["value"]!).ToList());
    }

    [Fact]
    public async Task GetLeadCustomFields_ListsTheAccountsLeadFieldsWithChoices()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        var body = await kommo.GetJsonAsync("api/v4/leads/custom_fields");

        var fields = body["_embedded"]!["custom_fields"]!.AsArray();
        var source = fields.Single(f => (long)f!["id"]! == account.Source.Id)!;
        Assert.Equal("select", (string)source["type"]!);
        Assert.Equal(["Website", "Referral"], source["enums"]!.AsArray().Select(e => (string)e!["value"]!).ToList());
        Assert.Null(fields.Single(f => (long)f!["id"]! == account.ContractType.Id)!["enums"]);
    }

    [Fact]
    public async Task GetAccount_WithDriveUrl_PointsAtThisSimulatorsDrive()
    {
        await using var kommo = await KommoTestServer.StartAsync();

        var plain = await kommo.GetJsonAsync("api/v4/account");
        var withDrive = await kommo.GetJsonAsync("api/v4/account?with=drive_url");

        Assert.Equal("acme", (string)plain["subdomain"]!);
        Assert.Equal("USD", (string)plain["currency"]!);
        Assert.Equal(29_000_001, (long)plain["id"]!);
        Assert.False(plain.AsObject().ContainsKey("drive_url"));
        Assert.Equal($"{kommo.Simulator.BaseUrl.GetLeftPart(UriPartial.Authority)}/drive", (string)withDrive["drive_url"]!);
    }

    [Fact]
    public async Task GetUsersAndLossReasons_ListTheSeededOnes()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.AddLossReason(new() { Name = "Too expensive" });

        var users = await kommo.GetJsonAsync("api/v4/users");
        var reasons = await kommo.GetJsonAsync("api/v4/leads/loss_reasons");

        Assert.Contains(users["_embedded"]!["users"]!.AsArray(), u => (long)u!["id"]! == account.RepId && (string)u["name"]! == "Maria Lopez");
        Assert.Equal("Too expensive", (string)reasons["_embedded"]!["loss_reasons"]![0]!["name"]!);
    }
}
