namespace ContractBridge.Tests.Integration.Support;

/// <summary>Waits for background work by polling a condition against a deadline: no fixed sleeps.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <param name="explain">What to print when the wait times out (the bridge's unfinished jobs and their errors).</param>
    public static async Task<T> GetAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null, Func<string>? explain = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.{explain?.Invoke()}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null) =>
        await GetAsync(() => condition() ? string.Empty : null, what, timeout, explain);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.{explain?.Invoke()}");
            }

            await Task.Delay(20);
        }
    }
}
