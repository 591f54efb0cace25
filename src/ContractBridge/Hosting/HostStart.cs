namespace ContractBridge.Hosting;

/// <summary>
/// Where a periodic service's first pass waits: until the host has started (every hosted service's start done, Kestrel
/// listening, /readyz able to say yes). Before that the two cores belong to getting ready; a reconciler pass, the cache
/// priming or a metrics count run beside the start-up only made it later, and none of them is needed to take a webhook.
/// </summary>
public static class HostStart
{
    /// <summary>Completes once the host has started (at once if it has); throws when <paramref name="stoppingToken"/> fires first.</summary>
    public static async Task WaitForStartAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStart = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
