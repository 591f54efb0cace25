using ContractBridge.Configuration;
using ContractBridge.Hosting;
using ContractBridge.Ironclad;
using ContractBridge.Upstream;

namespace ContractBridge.Flows;

/// <summary>
/// Keeps the slow-changing upstream facts a deal needs (Kommo's account and pipelines, Ironclad's templates and its
/// webhook verification key) warm, so no deal waits for one of them: they are read once as the service starts (the
/// first deal after a start would otherwise pay three round trips for them, and the first Ironclad webhook's answer one
/// more), and every half of the shorter cache lifetime what has been read is read again. Without rules nothing is read
/// for deals, only the key. Three calls at most every five minutes by default, per instance. A failed read keeps the old
/// entries; the next round, or a deal, tries again.
/// </summary>
public sealed partial class CacheWarmer(
    KommoDirectory directory,
    TemplateCatalog templates,
    VerificationKeyCache verificationKey,
    RuleBook rules,
    IOptions<BridgeOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<CacheWarmer> logger)
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
        try
        {
            await lifetime.WaitForStartAsync(stoppingToken);
            await PrimeAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

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

    /// <summary>The first reads, side by side, as the host starts; a failure is logged and left to the deals and later rounds.</summary>
    public async Task PrimeAsync(CancellationToken cancellationToken)
    {
        List<Task> reads = [PrimeAsync("Ironclad", async c => await verificationKey.GetAsync(c), cancellationToken)];
        if (rules.Rules.Count > 0)
        {
            reads.Add(PrimeAsync("Kommo", async c => await directory.GetAccountAsync(c), cancellationToken));
            reads.Add(PrimeAsync("Kommo", async c => await directory.GetPipelinesAsync(c), cancellationToken));
            reads.Add(PrimeAsync("Ironclad", async c => await templates.ListAsync(c), cancellationToken));
        }

        await Task.WhenAll(reads);
    }

    private async Task PrimeAsync(string service, Func<CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        try
        {
            await read(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong (an upstream down, a key Ironclad served garbled) is met again by the deal that needs
            // it, with its retries; a warm-up must not stop the host.
            Log.PrimeFailed(logger, service, ex.Message);
        }
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

        [LoggerMessage(EventId = 9402, Level = LogLevel.Information, Message = "Could not read the {Service} facts deals need as the service started (a deal will read them): {Reason}")]
        public static partial void PrimeFailed(ILogger logger, string service, string reason);
    }
}
