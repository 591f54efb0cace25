namespace ContractBridge.Chaos.Infrastructure;

/// <summary>Waits for background work by polling a condition against a deadline: no fixed sleeps stand in for a wait.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, CancellationToken cancellationToken, Func<Task<string>>? explain = null, int pollMilliseconds = 100)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var detail = explain is null ? string.Empty : "\n" + await explain();
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.{detail}");
            }

            await Task.Delay(pollMilliseconds, cancellationToken);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken, Func<Task<string>>? explain = null, int pollMilliseconds = 100) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout, cancellationToken, explain, pollMilliseconds);
}
