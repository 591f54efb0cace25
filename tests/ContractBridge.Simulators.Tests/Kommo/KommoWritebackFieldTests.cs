using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>What a contract writeback asks of Kommo: radiobutton and date_time fields, tags, the account's time zone, a deleted field.</summary>
public sealed class KommoWritebackFieldTests
{
    [Fact]
    public async Task RadiobuttonAndDateTimeFields_AreListedAndWritten_AsKommoStoresThem()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var state = kommo.Control.AddCustomField(new SeedCustomField { Name = "Contract state", Type = "radiobutton", Enums = ["Review", "Signed"] });
        var signed = kommo.Control.AddCustomField(new SeedCustomField { Name = "Signed on", Type = "date_time", Code = "SIGNED_ON" });

        var fields = (await kommo.GetJsonAsync("api/v4/leads/custom_fields"))["_embedded"]!["custom_fields"]!.AsArray();
        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""
            [{"id":{{account.FullLeadId}},"custom_fields_values":[
              {"field_id":{{state.Id}},"values":[{"value":"Signed"}]},
              {"field_code":"SIGNED_ON","values":[{"value":1796200000}]}]}]
            """);

        var radio = fields.Single(f => (long)f!["id"]! == state.Id)!;
        Assert.Equal("radiobutton", (string)radio["type"]!);
        Assert.Equal(["Review", "Signed"], radio["enums"]!.AsArray().Select(e => (string)e!["value"]!));
        Assert.Equal("date_time", (string)fields.Single(f => (long)f!["id"]! == signed.Id)!["type"]!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lead = kommo.Control.GetLead(account.FullLeadId)!;
        Assert.Equal(state.EnumIds["Signed"], lead.CustomFields.Single(f => f.FieldId == state.Id).Values.Single().EnumId);
        Assert.Equal(1796200000, (long)lead.CustomFields.Single(f => f.FieldId == signed.Id).Values.Single().Value!);
    }

    [Fact]
    public async Task ARadiobuttonLabelItLacks_AndADateTimeAsText_AreRefusedWithTheirPaths()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var state = kommo.Control.AddCustomField(new SeedCustomField { Name = "Contract state", Type = "radiobutton", Enums = ["Review"] });
        var signed = kommo.Control.AddCustomField(new SeedCustomField { Name = "Signed on", Type = "date_time" });

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""
            [{"id":{{account.FullLeadId}},"request_id":"w1","custom_fields_values":[
              {"field_id":{{state.Id}},"values":[{"value":"Cancelled"}]},
              {"field_id":{{signed.Id}},"values":[{"value":"2026-12-03"}]}]}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]![0]!;
        Assert.Equal("w1", (string)errors["request_id"]!);
        Assert.Equal(
            ["NotSupportedChoice custom_fields_values.0.values.0.value", "InvalidType custom_fields_values.1.values.0.value"],
            errors["errors"]!.AsArray().Select(e => $"{(string)e!["code"]!} {(string)e["path"]!}"));
    }

    [Fact]
    public async Task Tags_TagsToAddAndDeleteChangeOnlyThoseNamed_EmbeddedTagsReplaceThemAll()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var first = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", """{"_embedded":{"tags":[{"name":"vip"},{"name":"contract-out"}]}}""");
        using var second = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""[{"id":{{account.FullLeadId}},"tags_to_add":[{"name":"contract-signed"}],"tags_to_delete":[{"name":"CONTRACT-OUT"},{"name":"never-there"}]}]""");
        var afterAdd = kommo.Control.GetLead(account.FullLeadId)!.Tags;
        var read = await kommo.GetJsonAsync($"api/v4/leads/{account.FullLeadId}");
        var vip = read["_embedded"]!["tags"]!.AsArray().Select(t => (long)t!["id"]!).First();
        using var third = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", $$$"""{"_embedded":{"tags":[{"id":{{{vip}}}}]}}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Equal(["vip", "contract-signed"], afterAdd);
        Assert.Equal(["vip", "contract-signed"], read["_embedded"]!["tags"]!.AsArray().Select(t => (string)t!["name"]!));
        Assert.Equal(["vip"], kommo.Control.GetLead(account.FullLeadId)!.Tags);
    }

    [Fact]
    public async Task ATagOfAnUnknownId_OrWithoutAName_IsRefused()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", """{"tags_to_add":[{"id":999},{"name":" "},{}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]![0]!["errors"]!.AsArray();
        Assert.Equal(
            ["NotSupportedChoice tags_to_add.0.id", "NotBlank tags_to_add.1.name", "FieldMissing tags_to_add.2.name"],
            errors.Select(e => $"{(string)e!["code"]!} {(string)e["path"]!}"));
        Assert.Empty(kommo.Control.GetLead(account.FullLeadId)!.Tags);
    }

    [Fact]
    public async Task ATagChange_IsAnUpdateWebhook_WithTheLeadsTags_AndTheSameTagAgainIsNone()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        using var registered = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/webhooks", $$"""{"destination":"{{receiver.Url}}","settings":["update_lead"],"sort":10}""");

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", """{"tags_to_add":[{"name":"contract-signed"}]}""");
        using var again = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", """{"tags_to_add":[{"name":"contract-signed"}]}""");
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (registered.StatusCode, response.StatusCode, again.StatusCode));
        Assert.Equal("contract-signed", hook["leads[update][0][tags][0][name]"]);
        Assert.Single(kommo.Control.EmittedWebhooks);
    }

    [Fact]
    public async Task TheAccountsTimeZone_IsInItsDateTimeSettings()
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { TimeZone = "Asia/Kolkata" });

        var account = await kommo.GetJsonAsync("api/v4/account?with=datetime_settings");
        var plain = await kommo.GetJsonAsync("api/v4/account");

        Assert.Equal("Asia/Kolkata", (string)account["datetime_settings"]!["timezone"]!);
        Assert.Equal("+05:30", (string)account["datetime_settings"]!["timezone_offset"]!);
        Assert.Null(plain["datetime_settings"]);
    }

    [Fact]
    public async Task ADeletedField_IsGoneFromLeadsAndDefinitions_AndAWriteNamingItIsRefused()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var number = kommo.Control.AddCustomField(new SeedCustomField { Name = "Contract no.", Type = "text" });
        using var write = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", $$"""{"custom_fields_values":[{"field_id":{{number.Id}},"values":[{"value":"IC-1"}]}]}""");

        kommo.Control.DeleteCustomField(number.Id);
        using var again = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", $$"""{"custom_fields_values":[{"field_id":{{number.Id}},"values":[{"value":"IC-2"}]}]}""");

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("custom_fields_values.0.field_id", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(kommo.Control.GetLead(account.FullLeadId)!.CustomFields, f => f.FieldId == number.Id);
        Assert.DoesNotContain((await kommo.GetJsonAsync("api/v4/leads/custom_fields"))["_embedded"]!["custom_fields"]!.AsArray(), f => (long)f!["id"]! == number.Id);
        Assert.Throws<ArgumentException>(() => kommo.Control.DeleteCustomField(number.Id));
    }
}
