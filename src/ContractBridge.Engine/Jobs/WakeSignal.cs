namespace ContractBridge.Engine.Jobs;

/// <summary>
/// An async auto-reset event. A worker resets it before it claims and waits on it after an empty claim, so a job stored
/// while the claim ran still wakes it: nothing is missed between "found nothing" and "went to sleep".
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource pending = NewSource();

    public void Set() => Volatile.Read(ref pending).TrySetResult();

    public void Reset()
    {
        var current = Volatile.Read(ref pending);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref pending, NewSource(), current);
        }
    }

    /// <summary>
    /// Completes when the signal is set (true), or after <paramref name="timeout"/> on <paramref name="time"/>'s clock (false).
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var signalled = Volatile.Read(ref pending).Task;
        if (signalled.IsCompleted)
        {
            return true;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timer.Token);
        await Task.WhenAny(signalled, delay);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return signalled.IsCompleted;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
