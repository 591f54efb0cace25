using ContractBridge.Configuration;
using ContractBridge.Upstream;

namespace ContractBridge.Flows;

/// <summary>
/// Keeps the slow-changing upstream facts a deal needs (Kommo's account and pipelines, Ironclad's templates) warm: every
/// half of the shorter cache lifetime it reads again what has been read before, so after the first deal no deal waits
/// for one of them to expire and be fetched. What was never read is never fetched (three calls at most every five
/// minutes by default, per instance). A failed renewal keeps the old entries; the next round, or a deal, tries again.
/// </summary>
public sealed partial class CacheWarmer(KommoDirectory directory, TemplateCatalog templates, IOptions<BridgeOptions> options, TimeProvider time, ILogger<CacheWarmer> logger)
    : BackgroundService
{
    public TimeSpan Interval
    {
        get
        {
            var templateTtl = options.Value.Ironclad.TemplateCacheTtl;
            var shorter = templateTtl > TimeSpan.Zero && templateTtl < KommoDirectory.Ttl ? templateTtl : KommoDirectory.Ttl;
            return shorter / 2;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                await RenewAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One round: both upstreams side by side; a failure of one does not keep the other from renewing.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(RenewAsync("Kommo", directory.RenewAsync, cancellationToken), RenewAsync("Ironclad", templates.RenewAsync, cancellationToken));
    }

    private async Task RenewAsync(string service, Func<CancellationToken, Task> renew, CancellationToken cancellationToken)
    {
        try
        {
            await renew(cancellationToken);
        }
        catch (UpstreamException ex)
        {
            Log.RenewFailed(logger, service, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9401, Level = LogLevel.Information, Message = "Could not renew the cached {Service} directory (the old entries serve until the next round): {Reason}")]
        public static partial void RenewFailed(ILogger logger, string service, string reason);
    }
}
