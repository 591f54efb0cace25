using ContractBridge.Configuration;
using ContractBridge.Rules;

namespace ContractBridge.Tests.Rules;

/// <summary>
/// The stored rules on both databases: every version kept with who, when and what changed; a save against a version that
/// is no longer the newest adds nothing; a deletion is a version too, and leaves the rule out of the current ones.
/// </summary>
public sealed class RuleStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Versions_AreKept_NewestFirst_AndTheOtherInstanceReadsThem(string provider)
    {
        await using var databases = await RuleDatabases.OpenAsync(provider);
        var first = Json(stage: 11);
        var second = Json(stage: 12);

        Assert.True(await databases.First.AppendAsync(new RuleVersion("nda", 1, At, "admin", "127.0.0.1", first, RuleChanges.Describe(null, first)), CancellationToken.None));
        Assert.True(await databases.First.AppendAsync(new RuleVersion("nda", 2, At.AddMinutes(1), "admin", null, second, RuleChanges.Describe(first, second)), CancellationToken.None));

        var history = await databases.Second.HistoryAsync("NDA", CancellationToken.None);
        Assert.Equal([2, 1], history.Select(v => v.Version));
        Assert.Equal(("admin", (string?)null, At.AddMinutes(1)), (history[0].Actor, history[0].Client, history[0].At));
        Assert.Equal("127.0.0.1", history[1].Client);
        Assert.Equal(("created", "StageId: 11 → 12"), (history[1].Summary, history[0].Summary));
        var current = Assert.Single(await databases.Second.CurrentAsync(CancellationToken.None));
        Assert.Equal(12, RuleJson.Read(current.RuleJson!).StageId);
        Assert.True(await databases.Second.LatestChangeAsync(CancellationToken.None) > 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ASaveAgainstAStaleVersion_AddsNothing(string provider)
    {
        await using var databases = await RuleDatabases.OpenAsync(provider);
        Assert.True(await databases.First.AppendAsync(new RuleVersion("nda", 1, At, "admin", null, Json(11), "created"), CancellationToken.None));
        Assert.True(await databases.First.AppendAsync(new RuleVersion("nda", 2, At, "admin", null, Json(12), "StageId"), CancellationToken.None));
        var before = await databases.First.LatestChangeAsync(CancellationToken.None);

        // Made from version 1 (so it would be 2, which exists), and from a version 5 that never was.
        Assert.False(await databases.Second.AppendAsync(new RuleVersion("NDA", 2, At, "admin", null, Json(13), "StageId"), CancellationToken.None));
        Assert.False(await databases.Second.AppendAsync(new RuleVersion("nda", 6, At, "admin", null, Json(14), "StageId"), CancellationToken.None));

        Assert.Equal(before, await databases.First.LatestChangeAsync(CancellationToken.None));
        Assert.Equal(12, RuleJson.Read((await databases.First.LatestAsync("nda", CancellationToken.None))!.RuleJson!).StageId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoSavesRacingFromOneVersion_OnlyOneIsAdded(string provider)
    {
        await using var databases = await RuleDatabases.OpenAsync(provider);
        Assert.True(await databases.First.AppendAsync(new RuleVersion("nda", 1, At, "admin", null, Json(11), "created"), CancellationToken.None));

        var saved = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? databases.First : databases.Second).AppendAsync(new RuleVersion("nda", 2, At, "admin", null, Json(20 + i), "StageId"), CancellationToken.None)));

        Assert.Single(saved, s => s);
        Assert.Equal([2, 1], (await databases.First.HistoryAsync("nda", CancellationToken.None)).Select(v => v.Version));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADeletion_IsAVersion_AndTheRuleLeavesTheCurrentOnes(string provider)
    {
        await using var databases = await RuleDatabases.OpenAsync(provider);
        var json = Json(11);
        Assert.True(await databases.First.AppendAsync(new RuleVersion("nda", 1, At, "admin", null, json, "created"), CancellationToken.None));
        Assert.True(await databases.First.AppendAsync(new RuleVersion("other", 1, At, "admin", null, Json(15), "created"), CancellationToken.None));
        Assert.True(await databases.First.AppendAsync(new RuleVersion("nda", 2, At, "admin", null, null, RuleChanges.Describe(json, null)), CancellationToken.None));

        Assert.Equal(["other"], (await databases.Second.CurrentAsync(CancellationToken.None)).Select(v => v.Name));
        var latest = (await databases.Second.LatestAsync("nda", CancellationToken.None))!;
        Assert.Equal((2, true, "deleted"), (latest.Version, latest.Deleted, latest.Summary));
        Assert.Null(await databases.Second.LatestAsync("never", CancellationToken.None));
    }

    private static string Json(long stage) => RuleJson.Write(new ContractRule { Name = "nda", StageId = stage, Template = "NDA" });
}
