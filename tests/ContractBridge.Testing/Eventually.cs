using System.Diagnostics;

namespace ContractBridge.Testing;

/// <summary>
/// Waits for work done elsewhere (an engine's workers, a simulator's webhook sender, the service under test) by polling
/// a probe against a deadline, never by sleeping a guessed time. A timeout fails the test with a
/// <see cref="TimeoutException"/> that says what was awaited, for how long, and what the caller can add: the last
/// value read, or an explanation such as the service's unfinished jobs.
/// </summary>
public static class Eventually
{
    /// <summary>Generous, because it only bounds a failing test: a passing one returns as soon as its probe holds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <param name="what">What is awaited, as it reads after "waiting for": "all 200 jobs to succeed".</param>
    /// <param name="explain">Read only on timeout and appended to the message (the bridge's unfinished jobs and their errors).</param>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null) =>
        PollAsync(() => Task.FromResult(condition()), holds => holds, what, timeout, _ => explain?.Invoke() ?? string.Empty);

    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?, Func{string}?)"/>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null) =>
        PollAsync(condition, holds => holds, what, timeout, _ => explain?.Invoke() ?? string.Empty);

    /// <summary>Waits until <paramref name="probe"/> finds something, and returns it.</summary>
    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?, Func{string}?)"/>
    public static async Task<T> GetAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null, Func<string>? explain = null)
        where T : class =>
        (await PollAsync(() => Task.FromResult(probe()), found => found is not null, what, timeout, _ => explain?.Invoke() ?? string.Empty))!;

    /// <inheritdoc cref="GetAsync{T}(Func{T}, string, TimeSpan?, Func{string}?)"/>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, Func<string>? explain = null)
        where T : class =>
        (await PollAsync(probe, found => found is not null, what, timeout, _ => explain?.Invoke() ?? string.Empty))!;

    /// <summary>Reads a value until it satisfies <paramref name="done"/>, and returns it; a timeout shows the last value read.</summary>
    /// <param name="what">What is awaited, as it reads after "waiting for": "the webhook to be disabled".</param>
    /// <param name="describe">How the last value reads in the timeout message; its <c>ToString()</c> when null.</param>
    public static Task<T> UntilAsync<T>(Func<T> read, Func<T, bool> done, string what, TimeSpan? timeout = null, Func<T, string>? describe = null) =>
        PollAsync(() => Task.FromResult(read()), done, what, timeout, LastValue(describe));

    /// <inheritdoc cref="UntilAsync{T}(Func{T}, Func{T, bool}, string, TimeSpan?, Func{T, string}?)"/>
    public static Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null, Func<T, string>? describe = null) =>
        PollAsync(read, done, what, timeout, LastValue(describe));

    private static Func<T, string> LastValue<T>(Func<T, string>? describe) =>
        value => $" Last value: {(describe is null ? value?.ToString() : describe(value))}.";

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout, Func<T, string> detail)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}.{detail(value)}");
            }

            await Task.Delay(Interval);
        }
    }
}
