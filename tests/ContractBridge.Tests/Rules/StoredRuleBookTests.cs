using ContractBridge.Configuration;
using ContractBridge.Flows;
using ContractBridge.Kommo.Webhooks;
using ContractBridge.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Rules;

/// <summary>
/// RuleBook over configured and stored rules: the configured ones first, stored ones after; a stored rule whose name a
/// configured one has is left out; a refresh takes in what was stored since, and nothing when nothing was.
/// </summary>
public sealed class StoredRuleBookTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StoredRules_JoinTheConfiguredOnes_WhoseNamesWin()
    {
        await using var databases = await RuleDatabases.OpenAsync("sqlite");
        var options = Options.Create(new BridgeOptions { Rules = [new ContractRule { Name = "msa", PipelineId = 1, StageId = 10, Template = "MSA" }] });
        using var stored = new StoredRules(databases.Second, options, TimeProvider.System, NullLogger<StoredRules>.Instance);
        var book = new RuleBook(options, stored);
        await stored.RefreshAsync(CancellationToken.None);
        Assert.Equal(["msa"], book.Rules.Select(r => r.Name));

        await Append(databases.First, new ContractRule { Name = "NDA", PipelineId = 2, StageId = 20, Template = "NDA" });
        await Append(databases.First, new ContractRule { Name = "MSA", PipelineId = 3, StageId = 30, Template = "SOW" });
        Assert.Equal(["msa"], book.Rules.Select(r => r.Name));
        await stored.RefreshAsync(CancellationToken.None);

        Assert.Equal(["msa", "NDA"], book.Rules.Select(r => r.Name));
        Assert.Same(book.Rules, book.Rules);
        Assert.Equal("MSA", book.Find("msa")!.Template);
        Assert.Equal("NDA", book.Triggered(new KommoLeadChange(KommoLeadAction.Status, 5, 20, 19, 2, 2, 1))?.Name);
        Assert.Null(book.Triggered(new KommoLeadChange(KommoLeadAction.Status, 5, 30, 29, 3, 3, 1)));
        Assert.True(book.IsConfigured("MSA"));
        Assert.False(book.IsConfigured("nda"));
    }

    private static async Task Append(IRuleStore store, ContractRule rule) =>
        Assert.True(await store.AppendAsync(new RuleVersion(rule.Name, 1, At, "admin", null, RuleJson.Write(rule), "created"), CancellationToken.None));
}
