using System.Globalization;
using ContractBridge.Cli;
using ContractBridge.Engine.Jobs;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

public sealed class InspectionCommandTests
{
    [Fact]
    public async Task TemplatesList_ShowsEveryTemplate_AndTheRuleUsingIt()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "templates", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        var msa = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("MSA ", StringComparison.Ordinal));
        Assert.EndsWith("msa", msa.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains(result.Output.Split('\n'), l => l.StartsWith("NDA ", StringComparison.Ordinal));
        Assert.Contains("3 template(s).", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplatesShow_ListsFieldsWithTypesRequiredFlags_AndWhatFillsThem()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "templates", "show", "msa");

        Assert.True(result.ExitCode == 0, result.ToString());
        var value = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("contractValue ", StringComparison.Ordinal));
        Assert.Contains("monetaryAmount", value, StringComparison.Ordinal);
        Assert.Contains("always", value, StringComparison.Ordinal);
        Assert.Contains("lead.price", value, StringComparison.Ordinal);
        var title = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("counterpartySignerTitle ", StringComparison.Ordinal));
        Assert.Contains("never", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplatesShow_UnknownName_ExitsOne_NamingTheTemplatesThereAre()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "templates", "show", "Lease");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no Ironclad template is named 'Lease'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhooksRegister_RegistersWithBoth_Idempotently_WithoutPrintingTheSecret()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var settings = OperatorSettings.From(bridge);

        var first = await CliRun.RunAsync(settings, "webhooks", "register");
        var second = await CliRun.RunAsync(settings, "webhooks", "register");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(2, first.Output.Split('\n').Count(l => l.Contains(" registered", StringComparison.Ordinal) && !l.Contains("already", StringComparison.Ordinal)));
        Assert.Equal(2, second.Output.Split('\n').Count(l => l.Contains("already registered", StringComparison.Ordinal)));
        Assert.DoesNotContain(BridgeHarness.KommoWebhookSecret, first.All + second.All, StringComparison.Ordinal);
        Assert.Contains(bridge.Kommo.Control.Webhooks, w => w.Destination.ToString().EndsWith(BridgeHarness.KommoWebhookPath, StringComparison.Ordinal));
        Assert.Single(bridge.Ironclad.Control.Webhooks());
    }

    [Fact]
    public async Task WebhooksRegister_WithoutAPublicUrl_ExitsTwo()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge, ("ContractBridge:PublicUrl", null)), "webhooks", "register");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--public-url", result.Error, StringComparison.Ordinal);
        Assert.Empty(bridge.Ironclad.Control.Webhooks());
    }

    [Fact]
    public async Task ContractsList_ShowsTheDealItsWorkflowIcNumberAndState()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Globex MSA");
        bridge.Account.MoveToSendContract(lead);
        var workflow = await Eventually.GetAsync(() => bridge.Ironclad.Control.Workflows().SingleOrDefault(), "the workflow");
        await Eventually.TrueAsync(async () => await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None) is { WorkflowId: not null }, "the link");

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "contracts", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(result.Output.Split('\n'), l => l.StartsWith(lead.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal));
        Assert.Contains(workflow.Id, row, StringComparison.Ordinal);
        Assert.Contains(workflow.IroncladId, row, StringComparison.Ordinal);
        Assert.Contains(" Globex MSA ", row, StringComparison.Ordinal);
        Assert.Contains("Created", row, StringComparison.Ordinal);
        Assert.Contains("Database: SQLite at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "-")]
    [InlineData("  ", "-")]
    [InlineData("Globex MSA", "Globex MSA")]
    [InlineData("Two\nlines\tand a tab", "Two lines and a tab")]
    [InlineData("A deal whose name goes on and on past forty characters", "A deal whose name goes on and on past f…")]
    public void ContractsList_WritesTheDealNameOnOneShortLine(string? name, string expected) =>
        Assert.Equal(expected, ContractsCommand.DealText(name));

    [Fact]
    public async Task JobsList_FiltersByStatus_AndShowsTheError()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "Ironclad POST /workflows: 400 INVALID_PARAM counterpartySignerEmail");

        var dead = await CliRun.RunAsync(OperatorSettings.From(bridge), "jobs", "list", "--status", "dead");
        var pending = await CliRun.RunAsync(OperatorSettings.From(bridge), "jobs", "list", "--status", "pending");

        Assert.True(dead.ExitCode == 0, dead.ToString());
        var row = Assert.Single(dead.Output.Split('\n'), l => l.StartsWith(id.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal) && l.Contains(DeadJobs.Kind, StringComparison.Ordinal));
        Assert.Contains("dead", row, StringComparison.Ordinal);
        Assert.Contains("INVALID_PARAM counterpartySignerEmail", row, StringComparison.Ordinal);
        Assert.DoesNotContain(DeadJobs.Kind, pending.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsRetry_QueuesADeadJobAgain_AndRefusesOneThatIsNotDead()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var id = await DeadJobs.AddAsync(bridge.Store, "gave up");
        var settings = OperatorSettings.From(bridge);

        var retried = await CliRun.RunAsync(settings, "jobs", "retry", id.ToString(CultureInfo.InvariantCulture));
        var again = await CliRun.RunAsync(settings, "jobs", "retry", id.ToString(CultureInfo.InvariantCulture));
        var unknown = await CliRun.RunAsync(settings, "jobs", "retry", "987654");

        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Equal(JobStatus.Pending, (await bridge.Store.GetAsync(id, CancellationToken.None))!.Status);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("is pending, not dead", again.Error, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("There is no job 987654", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsRetryAllDead_QueuesEveryDeadJob()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false);
        var first = await DeadJobs.AddAsync(bridge.Store, "one");
        var second = await DeadJobs.AddAsync(bridge.Store, "two");

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge), "jobs", "retry", "--all-dead");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 dead job(s) queued again", result.Output, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Pending, (await bridge.Store.GetAsync(first, CancellationToken.None))!.Status);
        Assert.Equal(JobStatus.Pending, (await bridge.Store.GetAsync(second, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("jobs", "retry")]
    [InlineData("jobs", "retry", "1", "--all-dead")]
    [InlineData("jobs", "list", "--status", "stuck")]
    [InlineData("jobs", "list", "--limit", "0")]
    [InlineData("templates")]
    [InlineData("templates", "show")]
    [InlineData("no-such-command")]
    public async Task BadArguments_ExitNonZero_WithAMessage(params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEmpty(result.Error.Trim());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("serve", "--help")]
    [InlineData("demo", "--help")]
    [InlineData("check", "--help")]
    [InlineData("templates", "list", "--help")]
    [InlineData("templates", "show", "--help")]
    [InlineData("webhooks", "register", "--help")]
    [InlineData("contracts", "list", "--help")]
    [InlineData("jobs", "list", "--help")]
    [InlineData("jobs", "retry", "--help")]
    public async Task EveryCommand_HasHelp(params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }
}
