namespace ContractBridge.Hosting;

/// <summary>
/// A snapshot of something kept in the shared store, read as the service starts and again every
/// <see cref="RefreshInterval"/>, so what one instance saves reaches every other without a restart. A failed read
/// (the database down at start, or later) is reported and the snapshot read before keeps serving; the next round tries
/// again.
/// </summary>
public abstract class StoreSnapshotRefresher(TimeProvider time) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected abstract TimeSpan RefreshInterval { get; }

    public abstract Task RefreshAsync(CancellationToken cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down as the service starts; the health checks say so, and the next round tries again.
            OnRefreshFailed(ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    protected abstract void OnRefreshFailed(string reason);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RefreshInterval, Time, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OnRefreshFailed(ex.Message);
            }
        }
    }
}
