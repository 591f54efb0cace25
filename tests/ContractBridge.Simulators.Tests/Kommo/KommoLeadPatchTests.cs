using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

public sealed class KommoLeadPatchTests
{
    [Fact]
    public async Task PatchLead_ToAStageOfItsPipeline_AnswersIdAndUpdatedAtAndMovesTheLead()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", $$"""{"status_id":{{account.SendContract}},"price":50000}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(account.FullLeadId, (long)body["id"]!);
        Assert.True((long)body["updated_at"]! > 0);
        Assert.NotNull(body["_links"]!["self"]);
        var lead = kommo.Control.GetLead(account.FullLeadId)!;
        Assert.Equal(account.SendContract, lead.StatusId);
        Assert.Equal(50000, lead.Price);
    }

    [Fact]
    public async Task BatchPatch_UpdatesEveryLead_AndAnswersEmbeddedLeadsWithRequestIds()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""
            [{"id":{{account.FullLeadId}},"status_id":142,"pipeline_id":{{account.Sales.Id}}},
             {"id":{{account.OtherLeadId}},"name":"Initech NDA (signed)","responsible_user_id":{{account.RepId}},"request_id":"mine"}]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var leads = body["_embedded"]!["leads"]!.AsArray();
        Assert.Equal([account.FullLeadId, account.OtherLeadId], leads.Select(l => (long)l!["id"]!).ToList());
        Assert.Equal(["0", "mine"], leads.Select(l => (string)l!["request_id"]!).ToList());
        Assert.All(leads, l => Assert.True((long)l!["updated_at"]! > 0));
        Assert.NotNull(body["_links"]!["self"]);
        var won = kommo.Control.GetLead(account.FullLeadId)!;
        Assert.Equal(142, won.StatusId);
        Assert.NotNull(won.ClosedAt);
        Assert.Equal("Initech NDA (signed)", kommo.Control.GetLead(account.OtherLeadId)!.Name);
    }

    [Fact]
    public async Task PatchLead_UnknownStatusForItsPipeline_Answers400WithKommosValidationErrors()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var renewalStage = account.Renewals.StatusId("Renewal due");

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", $$"""{"status_id":{{renewalStage}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var expected = JsonNode.Parse("""
            {"validation-errors":[{"request_id":"0","errors":[{"code":"NotSupportedChoice","path":"status_id","detail":"The value you selected is not a valid choice."}]}],
             "title":"Bad Request","type":"https://httpstatus.es/400","status":400,"detail":"Request validation failed"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
        Assert.Equal(account.Sales.StatusId("New"), kommo.Control.GetLead(account.FullLeadId)!.StatusId);
    }

    [Fact]
    public async Task PatchLead_StageOfAnotherPipelineWithThatPipelineId_MovesTheLeadThere()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var renewalStage = account.Renewals.StatusId("Send contract");

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}",
            $$"""{"status_id":{{renewalStage}},"pipeline_id":{{account.Renewals.Id}}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lead = kommo.Control.GetLead(account.FullLeadId)!;
        Assert.Equal((account.Renewals.Id, renewalStage), (lead.PipelineId, lead.StatusId));
    }

    [Fact]
    public async Task PatchLead_PriceAsStringAndUnknownPipeline_AreInvalidTypeAndNotSupportedChoice()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", """{"price":"12","pipeline_id":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]![0]!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string)e!["code"]! == "InvalidType" && (string)e["path"]! == "price");
        Assert.Contains(errors, e => (string)e!["code"]! == "NotSupportedChoice" && (string)e["path"]! == "pipeline_id");
    }

    [Fact]
    public async Task BatchPatch_OneInvalidItem_ChangesNothingAndNamesTheItemByRequestId()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""
            [{"id":{{account.FullLeadId}},"price":1},{"id":{{account.OtherLeadId}},"status_id":99}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failure = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]!.AsArray().Single()!;
        Assert.Equal("1", (string)failure["request_id"]!);
        Assert.Equal(48000, kommo.Control.GetLead(account.FullLeadId)!.Price);
    }

    [Fact]
    public async Task BatchPatch_MoreThan250Items_Answers400()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var items = string.Join(',', Enumerable.Repeat($$"""{"id":{{account.FullLeadId}},"price":1}""", 251));

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $"[{items}]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(48000, kommo.Control.GetLead(account.FullLeadId)!.Price);
    }

    [Fact]
    public async Task PatchLead_CustomFieldsValues_ReplaceTheGivenFieldsAndNullClearsOne()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", $$"""
            {"custom_fields_values":[{"field_id":{{account.Source.Id}},"values":[{"enum_id":{{account.Source.EnumIds["Referral"]}}}]},
                                     {"field_id":{{account.ContractType.Id}},"values":null}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fields = kommo.Control.GetLead(account.FullLeadId)!.CustomFields;
        Assert.Equal("Referral", (string)fields.Single().Values.Single().Value!);
        Assert.Equal(account.Source.Id, fields.Single().FieldId);
    }

    [Fact]
    public async Task PatchLead_UnknownChoiceOrField_IsNotSupportedChoiceAtTheValuesPath()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", $$"""
            {"custom_fields_values":[{"field_id":{{account.Source.Id}},"values":[{"value":"Billboard"}]},{"field_id":1,"values":[{"value":"x"}]}]}
            """);

        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validation-errors"]![0]!["errors"]!.AsArray();
        Assert.Equal(
            ["custom_fields_values.0.values.0.value", "custom_fields_values.1.field_id"],
            errors.Select(e => (string)e!["path"]!).ToList());
        Assert.All(errors, e => Assert.Equal("NotSupportedChoice", (string)e!["code"]!));
    }

    [Fact]
    public async Task PatchLead_MalformedJson_Answers400ProblemJson()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);

        using var response = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", "{\"price\":");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
