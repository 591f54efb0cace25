using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>The seed document's dialect keeps working when turned on, and is absent when it is not.</summary>
public sealed class SeedDialectTests
{
    [Fact]
    public async Task Templates_AreListedInTheSeedShape()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { SeedDialectWebhookSecret = "s" });

        var body = await server.GetJsonAsync("templates");

        Assert.Equal(["MSA", "NDA", "SOW"], body!["templates"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(server.Template("MSA").Id, body["templates"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeedLaunchBody_MapsSignersAndBareAmounts()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { SeedDialectWebhookSecret = "s" });

        var workflow = await server.LaunchAsync(SeedBody(server, signerEmail: "jane@acme.example"));

        Assert.Equal("jane@acme.example", workflow["attributes"]!["counterpartySignerEmail"]!.GetValue<string>());
        Assert.Equal("Jane Roe", workflow["attributes"]!["counterpartySignerName"]!.GetValue<string>());
        Assert.Equal(5000, workflow["attributes"]!["contractValue"]!["amount"]!.GetValue<int>());
        Assert.Equal("USD", workflow["attributes"]!["contractValue"]!["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeedBugOfNameAsEmail_IsStillInvalidParam()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { SeedDialectWebhookSecret = "s" });

        using var response = await server.PostJsonAsync("workflows", SeedBody(server, signerEmail: "Jane Roe"));
        var error = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("counterpartySignerEmail", error!["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutTheDialect_SeedFormsAreRejected()
    {
        await using var server = await IroncladTestServer.StartAsync();

        using var templates = await server.Http.GetAsync("templates");
        using var launch = await server.PostJsonAsync("workflows", SeedBody(server, signerEmail: "jane@acme.example"));

        Assert.Equal(HttpStatusCode.NotFound, templates.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, launch.StatusCode);
        Assert.Equal("template", (await IroncladTestServer.ReadJsonAsync(launch))!["param"]!.GetValue<string>());
    }

    private static JsonObject SeedBody(IroncladTestServer server, string signerEmail) => new()
    {
        ["template"] = new JsonObject { ["id"] = server.Template("MSA").Id },
        ["attributes"] = new JsonObject { ["counterpartyName"] = "Acme", ["contractValue"] = 5000 },
        ["signerGroups"] = new JsonArray(new JsonObject
        {
            ["group"] = "1",
            ["signers"] = new JsonArray(new JsonObject { ["email"] = signerEmail, ["name"] = "Jane Roe" }),
        }),
        ["creator"] = new JsonObject { ["type"] = "email", ["email"] = server.CreatorEmail },
    };
}
