using System.Collections.Concurrent;
using System.Reflection;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>
/// Wraps a job store to tell when a kind's worker has gone to sleep: a worker asks <see cref="IJobStore.NextDueAsync"/>
/// only after a claim found nothing, just before it waits. A job stored after that is found only if something wakes it.
/// </summary>
public class SleepWatch : DispatchProxy
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> slept = new(StringComparer.Ordinal);
    private IJobStore inner = null!;

    public static (IJobStore Store, SleepWatch Watch) Around(IJobStore inner)
    {
        var store = Create<IJobStore, SleepWatch>();
        var watch = (SleepWatch)(object)store;
        watch.inner = inner;
        return (store, watch);
    }

    /// <summary>Completes once the worker of <paramref name="kind"/> has found nothing to claim and gone to sleep.</summary>
    public Task AsleepAsync(string kind) => Slept(kind).Task.WaitAsync(TimeSpan.FromSeconds(30));

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var result = targetMethod!.Invoke(inner, args);
        if (targetMethod.Name == nameof(IJobStore.NextDueAsync))
        {
            Slept((string)args![0]!).TrySetResult();
        }

        return result;
    }

    private TaskCompletionSource Slept(string kind) =>
        slept.GetOrAdd(kind, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
