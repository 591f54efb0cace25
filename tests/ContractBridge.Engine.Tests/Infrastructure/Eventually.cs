using System.Diagnostics;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>Waits for a condition by polling it against a deadline: never a fixed sleep that hopes the work is done.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0}s waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);
}
