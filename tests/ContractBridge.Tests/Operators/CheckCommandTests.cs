using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task GoodConfiguration_PassesEveryCheck_AndExitsZero()
    {
        await using var bridge = await BridgeHarness.StartAsync();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("FAIL", result.Output, StringComparison.Ordinal);
        Assert.Contains("0 failed, 0 skipped", result.Output, StringComparison.Ordinal);
        Assert.Contains("'Send contract' in 'Sales'", result.Output, StringComparison.Ordinal);
        Assert.Contains("template 'MSA'", result.Output, StringComparison.Ordinal);
        Assert.Contains("webhooks/kommo/***", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(BridgeHarness.KommoWebhookSecret, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateWithoutKommoLeadId_Passes_WithAWarningThatSaysWhatToAdd()
    {
        await using var bridge = await BridgeHarness.StartAsync();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge, ("ContractBridge:Rules:0:Template", "SOW")), "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("warn", StringComparison.Ordinal));
        Assert.Contains("attribute kommoLeadId", warning, StringComparison.Ordinal);
        Assert.Contains("Add a text attribute named kommoLeadId", warning, StringComparison.Ordinal);
        Assert.Contains("0 failed, 0 skipped, 1 with a warning.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongStageId_Fails_NamingTheStageAndTheStagesThereAre()
    {
        await using var bridge = await BridgeHarness.StartAsync();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge, ("ContractBridge:Rules:0:StageId", "999999")), "check");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAIL", result.Output, StringComparison.Ordinal);
        Assert.Contains("trigger stage 999999", result.Output, StringComparison.Ordinal);
        Assert.Contains("Send contract (", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTemplate_Fails_NamingTheTemplatesThereAre()
    {
        await using var bridge = await BridgeHarness.StartAsync();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge, ("ContractBridge:Rules:0:Template", "Purchase Order")), "check");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no Ironclad template is named 'Purchase Order'", result.Output, StringComparison.Ordinal);
        Assert.Contains("MSA, NDA, SOW", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingToAMissingAttribute_Fails_NamingTheAttribute()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var settings = OperatorSettings.From(
            bridge,
            ("ContractBridge:Rules:0:Mapping:counterpartyName", "company.name ?? contact.name"),
            ("ContractBridge:Rules:0:Mapping:contractValue", "lead.price"),
            ("ContractBridge:Rules:0:Mapping:counterpartySignerName", "contact.name"),
            ("ContractBridge:Rules:0:Mapping:counterpartySignerEmail", "contact.email"),
            ("ContractBridge:Rules:0:Mapping:purchaseOrderNumber", "lead.name"));

        var result = await CliRun.RunAsync(settings, "check");

        Assert.True(result.ExitCode == 1, result.ToString());
        var failures = result.Output.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        var failure = Assert.Single(failures);
        Assert.Contains("attribute purchaseOrderNumber", failure, StringComparison.Ordinal);
        Assert.Contains("is not an attribute of the template 'MSA'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingOfTheWrongType_And_AMissingRequiredAttribute_AreBothNamed()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var settings = OperatorSettings.From(
            bridge,
            ("ContractBridge:Rules:0:Mapping:counterpartyName", "company.name"),
            ("ContractBridge:Rules:0:Mapping:contractValue", "lead.name"),
            ("ContractBridge:Rules:0:Mapping:counterpartySignerName", "contact.name"));

        var result = await CliRun.RunAsync(settings, "check");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("attribute contractValue", result.Output, StringComparison.Ordinal);
        Assert.Contains("attribute counterpartySignerEmail", result.Output, StringComparison.Ordinal);
        Assert.Contains("is required by 'MSA' but nothing is mapped to it", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnregisteredWebhooks_Fail_SayingHowToRegister()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "check");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(2, result.Output.Split('\n').Count(l => l.StartsWith("FAIL", StringComparison.Ordinal) && l.Contains("not registered; run `contractbridge webhooks register`", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WrongKommoToken_FailsTheTokenCheck_AndSkipsWhatNeedsIt()
    {
        await using var bridge = await BridgeHarness.StartAsync();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge, ("ContractBridge:Kommo:AccessToken", "not-the-token")), "check");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("access token", result.Output, StringComparison.Ordinal);
        Assert.Contains("401", result.Output, StringComparison.Ordinal);
        Assert.Contains("skip", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncompleteConfiguration_ExitsTwo_ListingWhatToSet_WithoutCallingAnything()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        bridge.Kommo.Control.ResetCalls();

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge, ("ContractBridge:Kommo:WebhookSecret", "short")), "check");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("KOMMO_WEBHOOK_SECRET", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, bridge.Kommo.Control.Calls.Total);
    }
}
