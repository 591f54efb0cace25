using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// The overview's and /jobs' counts: jobs by status and contracts by state, whole-table counts that take a few hundred
/// milliseconds with a million contracts (the store bench). Kept for <see cref="DashboardOptions.CountsMaxAge"/>; when
/// older, the kept counts are shown and one refresh runs in the background, so only the first view after a start waits
/// for them, and nothing is counted while nobody looks.
/// </summary>
public sealed partial class DashboardCounts(IJobStore jobs, IContractLinkStore links, IOptions<BridgeOptions> options, TimeProvider time, ILogger<DashboardCounts> logger)
{
    private readonly Lock _gate = new();
    private Counts? _current;
    private Task? _refreshing;

    public async Task<Counts> GetAsync(CancellationToken cancellationToken)
    {
        var maxAge = options.Value.Dashboard.CountsMaxAge;
        var current = Volatile.Read(ref _current);
        if (current is null || maxAge <= TimeSpan.Zero)
        {
            return await CountAsync(cancellationToken);
        }

        if (time.GetUtcNow() - current.At > maxAge)
        {
            lock (_gate)
            {
                // CancellationToken.None: the refresh outlives the view that started it.
                _refreshing ??= Task.Run(() => RefreshAsync(CancellationToken.None), CancellationToken.None);
            }
        }

        return current;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RefreshFailed(logger, ex);
        }
        finally
        {
            lock (_gate)
            {
                _refreshing = null;
            }
        }
    }

    private async Task<Counts> CountAsync(CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var counts = new Counts(await jobs.CountAsync(cancellationToken), await links.CountByStateAsync(cancellationToken), at);
        Volatile.Write(ref _current, counts);
        return counts;
    }

    /// <summary>The counts and when they were taken.</summary>
    public sealed record Counts(JobCounts Jobs, IReadOnlyDictionary<ContractState, long> Contracts, DateTimeOffset At);

    private static partial class Log
    {
        [LoggerMessage(EventId = 9865, Level = LogLevel.Warning, Message = "Refreshing the dashboard's counts failed; the kept ones are shown until the next view retries")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);
    }
}
