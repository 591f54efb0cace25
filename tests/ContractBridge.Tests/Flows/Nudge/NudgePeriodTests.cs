using ContractBridge.Configuration;
using ContractBridge.Flows.Nudge;

namespace ContractBridge.Tests.Flows.Nudge;

public sealed class NudgePeriodTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FiveDays = TimeSpan.FromDays(5);

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(4.99, 0)]
    [InlineData(5, 1)]
    [InlineData(9.99, 1)]
    [InlineData(10, 2)]
    [InlineData(31, 6)]
    public void Period_CountsWholeNudgeAfters_SinceTheSignatureWentOut(double days, int period)
    {
        Assert.Equal(period, NudgePeriod.Of(Since, Since.AddDays(days), FiveDays));
    }

    [Theory]
    [InlineData(5.5 * 24 * 60, "5 days")]
    [InlineData(24 * 60, "1 day")]
    [InlineData(3 * 60 + 10, "3 hours")]
    [InlineData(1, "1 minute")]
    [InlineData(0, "1 minute")]
    public void Words_SayTheWaitInItsLargestWholeUnit(double minutes, string words)
    {
        Assert.Equal(words, NudgePeriod.Words(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void TheDefaults_AreFiveDays_WithoutAReminder()
    {
        var rule = new ContractRule();

        Assert.Equal((FiveDays, false), (rule.Nudge.After, rule.Nudge.RemindSigner));
    }

    [Fact]
    public void ANudgeAfterUnderAMinute_IsRefusedAtStart()
    {
        var options = new BridgeOptions();
        options.Rules.Add(new ContractRule { Name = "msa", StageId = 2, Nudge = { After = TimeSpan.FromSeconds(30) } });

        var result = new BridgeOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, p => p.Contains("Rule 0 ('msa'): Nudge.After must be at least a minute", StringComparison.Ordinal));
    }
}
