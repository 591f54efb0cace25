using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Cli;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>`contracts preview` against both simulators over loopback HTTP: what it prints, its exit codes, and that it writes nothing anywhere.</summary>
public sealed class PreviewCommandTests
{
    [Fact]
    public async Task ADealInTheRulesStage_PreviewsCleanly_ExitZero_AndNothingIsWritten()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Globex MSA", price: 120_000, statusId: bridge.Account.SendContract);
        bridge.Kommo.Control.ResetCalls();
        bridge.Ironclad.Control.ResetCalls();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", Id(lead));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains($"Deal {Id(lead)} 'Globex MSA' in 'Send contract' of 'Sales'", result.Output, StringComparison.Ordinal);
        Assert.Contains("Rule 'msa' (trigger stage 'Send contract'), template 'MSA'", result.Output, StringComparison.Ordinal);
        Assert.Equal(["contractValue", "monetaryAmount", "always", "lead.price"], Row(result, "contractValue")[..4]);
        Assert.EndsWith("{\"amount\":120000,\"currency\":\"USD\"}", string.Join(' ', Row(result, "contractValue")), StringComparison.Ordinal);
        Assert.EndsWith("\"signer@client.example\"", string.Join(' ', Row(result, "counterpartySignerEmail")), StringComparison.Ordinal);
        Assert.EndsWith($"\"{Id(lead)}\"", string.Join(' ', Row(result, "kommoLeadId")), StringComparison.Ordinal);
        Assert.Contains("Would launch: 5 attribute(s), no problems.", result.Output, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(bridge, lead);
    }

    [Fact]
    public async Task AMissingEmail_IsAProblem_ExitThree_InTheLaunchNotesWords()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Initech", email: null, statusId: bridge.Account.SendContract);
        bridge.Kommo.Control.ResetCalls();
        bridge.Ironclad.Control.ResetCalls();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", Id(lead));

        Assert.True(result.ExitCode == ExitCodes.ProblemsFound, result.ToString());
        Assert.Contains("  - [missing-required] counterpartySignerEmail (Counterparty Signer Email) is required, but the main contact 'Sam Signer' has no email", result.Output, StringComparison.Ordinal);
        Assert.Contains("Would not launch: 1 problem(s).", result.Output, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(bridge, lead);
    }

    [Fact]
    public async Task ADealInNoRulesStage_IsAProblemNamingTheStages_AndRulePreviewsItAnyway_AsJson()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Hooli");
        bridge.Kommo.Control.ResetCalls();
        bridge.Ironclad.Control.ResetCalls();

        var stageless = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", Id(lead));
        var named = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", Id(lead), "--rule", "MSA", "--json");

        Assert.True(stageless.ExitCode == ExitCodes.ProblemsFound, stageless.ToString());
        Assert.Contains("[not-in-rule-stage] the deal is in 'Negotiation' of 'Sales', which is no rule's trigger stage (msa: 'Send contract' of 'Sales')", stageless.Output, StringComparison.Ordinal);
        Assert.True(named.ExitCode == ExitCodes.Success, named.ToString());
        var json = JsonNode.Parse(named.Output)!;
        Assert.Equal(("msa", "Send contract", false, true, "MSA"), ((string)json["rule"]!, (string)json["triggerStage"]!, (bool)json["inRuleStage"]!, (bool)json["wouldLaunch"]!, (string)json["templateName"]!));
        var value = json["attributes"]!.AsArray().Single(a => (string)a!["id"]! == "contractValue")!;
        Assert.Equal(("Contract Value", "monetaryAmount", "always", "lead.price"), ((string)value["name"]!, (string)value["type"]!, (string)value["required"]!, (string)value["source"]!));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"amount\":25000,\"currency\":\"USD\"}"), value["value"]));
        Assert.Empty(json["problems"]!.AsArray());
        await AssertNothingWrittenAsync(bridge, lead);
    }

    [Fact]
    public async Task ACustomField_IsNamedByItsDefinition_AndOneKommoLacks_IsAnUnknownField()
    {
        await using var bridge = await BridgeHarness.StartAsync(
            configuration: _ => new Dictionary<string, string?>
            {
                ["ContractBridge:Rules:0:Mapping:counterpartyName"] = "company.name",
                ["ContractBridge:Rules:0:Mapping:contractValue"] = "lead.price",
                ["ContractBridge:Rules:0:Mapping:counterpartySignerName"] = "contact.name",
                ["ContractBridge:Rules:0:Mapping:counterpartySignerEmail"] = "contact.email",
                ["ContractBridge:Rules:0:Mapping:termMonths"] = "lead.cf[TERM]",
                ["ContractBridge:Rules:0:Mapping:counterpartySignerTitle"] = "contact.cf[JOB_TITLE] ?? 'Director'",
            },
            registerWebhooks: false);
        var term = bridge.Kommo.Control.AddCustomField(new SeedCustomField { Name = "Term (months)", Type = "numeric", Code = "TERM" });
        var lead = bridge.Account.AddDeal("Pied Piper", statusId: bridge.Account.SendContract, customFields: [new SeedFieldValue { FieldId = term.Id, Values = [JsonValue.Create(24)] }]);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", Id(lead), "--json");

        Assert.True(result.ExitCode == ExitCodes.ProblemsFound, result.ToString());
        var json = JsonNode.Parse(result.Output)!;
        var termMonths = json["attributes"]!.AsArray().Single(a => (string)a!["id"]! == "termMonths")!;
        Assert.Equal(("lead.cf[TERM] (Term (months))", 24), ((string)termMonths["source"]!, (int)termMonths["value"]!));
        var problem = json["problems"]!.AsArray().Single()!;
        Assert.Equal(("unknown-field", "counterpartySignerTitle"), ((string)problem["code"]!, (string)problem["attribute"]!));
        Assert.StartsWith("reads contact.cf[JOB_TITLE], but there is no contact custom field with this id or code; the contacts have: '", (string)problem["message"]!, StringComparison.Ordinal);
        Assert.Contains(", code EMAIL)", (string)problem["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADealWithAContract_IsAlreadyLinked()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Globex MSA");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        await Eventually.TrueAsync(async () => await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None) is { IroncladNumber: not null }, "the link");

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", Id(lead));

        Assert.True(result.ExitCode == ExitCodes.ProblemsFound, result.ToString());
        Assert.Contains($"[already-linked] Ironclad: no new MSA launched: contract {workflow.IroncladId} (MSA) is already", result.Output, StringComparison.Ordinal);
        Assert.Single(bridge.Ironclad.Control.Workflows());
    }

    [Fact]
    public async Task AMissingLead_ExitsOne_SayingKommoHasNone()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", "987654321");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("Not found: Kommo has no lead 987654321 (deleted, or in another account).", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("12.5")]
    public async Task ALeadIdThatIsNotANumber_IsRefusedBeforeAnythingIsCalled(string leadId)
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        bridge.Kommo.Control.ResetCalls();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", leadId);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains($"The lead id must be a Kommo lead's number (as in …/leads/detail/12345); '{leadId}' is not one.", result.Error, StringComparison.Ordinal);
        // The service's own warm-up (account, pipelines) may still be reading as the test starts: no lead was read.
        Assert.DoesNotContain(bridge.Kommo.Control.Calls.ByEndpoint.Keys, e => e.StartsWith("GET /api/v4/leads", StringComparison.Ordinal) && e != "GET /api/v4/leads/pipelines");
    }

    [Fact]
    public async Task AnUnknownRule_ExitsOne_NamingTheRules()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var lead = bridge.Account.AddDeal("Hooli");

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "preview", Id(lead), "--rule", "lease");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("There is no rule named 'lease'; the rules are: msa.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutKommoCredentials_ExitsTwo()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge, ("ContractBridge:Kommo:AccessToken", null)), "contracts", "preview", "1");

        Assert.True(result.ExitCode == ExitCodes.ConfigurationError, result.ToString());
        Assert.Contains("No Kommo credentials", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Only reads reached either simulator, and the bridge's database holds no job, event or link for the deal.</summary>
    internal static async Task AssertNothingWrittenAsync(BridgeHarness bridge, long lead)
    {
        Assert.NotEmpty(bridge.Kommo.Control.Calls.ByEndpoint.Keys);
        Assert.All(bridge.Kommo.Control.Calls.ByEndpoint.Keys, e => Assert.StartsWith("GET ", e, StringComparison.Ordinal));
        Assert.All(bridge.Ironclad.Control.Calls().ByEndpoint.Keys, e => Assert.StartsWith("GET ", e, StringComparison.Ordinal));
        Assert.Empty(bridge.Kommo.Control.GetNotes());
        Assert.Empty(bridge.Ironclad.Control.Workflows());
        Assert.Empty(await bridge.Store.ListAsync(null, 100, CancellationToken.None));
        Assert.Empty(await bridge.Store.ListRecentEventsAsync(100, CancellationToken.None));
        Assert.Null(await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None));
    }

    private static string Id(long lead) => lead.ToString(CultureInfo.InvariantCulture);

    private static string[] Row(CliResult result, string attribute) =>
        Assert.Single(result.Output.Split('\n'), l => l.StartsWith(attribute + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
