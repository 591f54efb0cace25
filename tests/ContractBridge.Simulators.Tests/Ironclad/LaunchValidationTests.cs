using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class LaunchValidationTests : IAsyncLifetime
{
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MissingRequiredAttributes_AreOneMissingParam_WithAJsonArrayParam()
    {
        var (status, error) = await LaunchAsync(_server.MsaLaunchBody(a =>
        {
            a.Remove("counterpartySignerName");
            a.Remove("counterpartySignerEmail");
        }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MISSING_PARAM", error["code"]!.GetValue<string>());
        Assert.Equal("[\"counterpartySignerName\",\"counterpartySignerEmail\"]", error["param"]!.GetValue<string>());
    }

    public static TheoryData<string, string> WrongTypes => new()
    {
        { "counterpartySignerEmail", "\"jane at acme\"" },
        { "effectiveDate", "\"15/01/2026\"" },
        { "effectiveDate", "20260115" },
        { "contractValue", "25000" },
        { "contractValue", "{\"amount\":25000}" },
        { "contractValue", "{\"currency\":\"usd\",\"amount\":25000}" },
        { "contractValue", "{\"currency\":\"USD\",\"amount\":\"25000\"}" },
        { "termMonths", "\"12\"" },
        { "autoRenew", "\"yes\"" },
        { "counterpartyName", "42" },
        { "paymentTerms", "\"Net 90\"" },
        { "notAnAttribute", "\"x\"" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task WrongValueOrUnknownAttribute_IsInvalidParamNamingIt(string attribute, string json)
    {
        var (status, error) = await LaunchAsync(_server.MsaLaunchBody(a => a[attribute] = JsonNode.Parse(json)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAM", error["code"]!.GetValue<string>());
        Assert.Equal(attribute, error["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task TemplateWithoutKommoLeadId_RejectsIt()
    {
        var body = _server.MsaLaunchBody();
        body["template"] = _server.Template("SOW").Id;

        var (status, error) = await LaunchAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("kommoLeadId", error["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownTemplate_Is400NotFound()
    {
        var body = _server.MsaLaunchBody();
        body["template"] = "ffffffffffffffffffffffff";

        var (status, error) = await LaunchAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("NOT_FOUND", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task RepublishedTemplate_OldIdIsNotFound_NewIdLaunches()
    {
        var oldId = _server.Template("MSA").Id;
        var body = _server.MsaLaunchBody();

        var republished = _server.Simulator.Control.RepublishTemplate("MSA");
        var (launchStatus, launchError) = await LaunchAsync(body);
        using var schema = await _server.Http.GetAsync($"workflow-schemas/{oldId}?form=launch");
        body["template"] = republished.Id;
        var (newStatus, _) = await LaunchAsync(body);

        Assert.NotEqual(oldId, republished.Id);
        Assert.Equal(HttpStatusCode.BadRequest, launchStatus);
        Assert.Equal("NOT_FOUND", launchError["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, schema.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newStatus);
    }

    [Fact]
    public async Task UseDefaultValues_FillsLeftOutAttributesFromTheForm()
    {
        var body = _server.MsaLaunchBody(a => a.Remove("termMonths"));

        using var withDefaults = await _server.PostJsonAsync("workflows?useDefaultValues=true", body);
        using var without = await _server.PostJsonAsync("workflows", body);
        var filled = await IroncladTestServer.ReadJsonAsync(withDefaults);
        var unfilled = await IroncladTestServer.ReadJsonAsync(without);

        Assert.Equal(12, filled!["attributes"]!["termMonths"]!.GetValue<int>());
        Assert.Null(unfilled!["attributes"]!["termMonths"]);
    }

    [Fact]
    public async Task LaunchedWorkflow_CarriesNormalisedAttributesAndTitle()
    {
        var workflow = await _server.LaunchAsync(_server.MsaLaunchBody(counterparty: "Globex"));

        Assert.Equal("MSA with Globex", workflow["title"]!.GetValue<string>());
        Assert.Equal("2026-01-15T00:00:00.000Z", workflow["attributes"]!["effectiveDate"]!.GetValue<string>());
        Assert.Equal("USD", workflow["attributes"]!["contractValue"]!["currency"]!.GetValue<string>());
        Assert.Equal("Review", workflow["step"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedJson_IsInvalidParam()
    {
        using var response = await _server.Http.PostAsync("workflows", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_PARAM", (await IroncladTestServer.ReadJsonAsync(response))!["code"]!.GetValue<string>());
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> LaunchAsync(JsonObject body)
    {
        using var response = await _server.PostJsonAsync("workflows", body);
        return (response.StatusCode, (JsonObject)(await IroncladTestServer.ReadJsonAsync(response))!);
    }
}
