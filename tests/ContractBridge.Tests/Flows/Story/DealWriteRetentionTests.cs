using ContractBridge.Engine.Hosting;
using ContractBridge.Flows.Story;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Flows.Story;

/// <summary>The deal-write retention pass: at each retention interval, it deletes what is older than KeepWritesFor.</summary>
public sealed class DealWriteRetentionTests
{
    [Fact]
    public async Task ARetentionInterval_DeletesTheWritesOlderThanKeepWritesForThen()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var log = new PurgeCounter();
        using var retention = new DealWriteRetention(
            log,
            Options.Create(new DealStoryOptions { KeepWritesFor = TimeSpan.FromDays(100) }),
            Options.Create(new RetentionOptions { Interval = TimeSpan.FromHours(6) }),
            time,
            NullLogger<DealWriteRetention>.Instance);

        var start = time.GetUtcNow();
        await retention.StartAsync(CancellationToken.None);
        // The loop starts on its own task: step the clock an interval at a time until its timer has ticked.
        var cutoff = (await Eventually.UntilAsync(
            () =>
            {
                time.Advance(TimeSpan.FromHours(6));
                return log.Purges.Reader.TryRead(out var at) ? (DateTimeOffset?)at : null;
            },
            at => at is not null,
            "a retention pass"))!.Value;
        await retention.StopAsync(CancellationToken.None);

        var tickedAt = cutoff + TimeSpan.FromDays(100);
        Assert.True(tickedAt > start && tickedAt <= time.GetUtcNow(), $"the pass at {tickedAt} cut at {cutoff}");
        Assert.Equal(0, (tickedAt - start).Ticks % TimeSpan.FromHours(6).Ticks);
    }

    private sealed class PurgeCounter : IDealWriteLog
    {
        public System.Threading.Channels.Channel<DateTimeOffset> Purges { get; } = System.Threading.Channels.Channel.CreateUnbounded<DateTimeOffset>();

        public Task RecordAsync(IReadOnlyList<DealWrite> writes, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<DealWrite>> ListAsync(long leadId, long before, int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DealWrite>>([]);

        public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
        {
            Purges.Writer.TryWrite(olderThan);
            return Task.FromResult(0L);
        }
    }
}
