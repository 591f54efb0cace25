using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Tests;

public sealed class RetryScheduleTests
{
    private static readonly JobEngineOptions Options = new() { BackoffBase = TimeSpan.FromSeconds(2), BackoffMax = TimeSpan.FromSeconds(60) };

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(40, 60)]
    public void Backoff_DoublesPerAttempt_UpToTheMaximum(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetrySchedule(Options).Backoff(attempt));

    [Theory]
    [InlineData(0.0, 4)]
    [InlineData(0.5, 6)]
    [InlineData(1.0, 8)]
    public void DelayAfter_JittersBetweenHalfAndAllOfTheBackoff(double random, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetrySchedule(Options, () => random).DelayAfter(3, retryAfter: null));

    [Fact]
    public void DelayAfter_RetryAfterGiven_IsUsedAsIs() =>
        Assert.Equal(TimeSpan.FromMinutes(5), new RetrySchedule(Options, () => 0.5).DelayAfter(1, TimeSpan.FromMinutes(5)));
}
