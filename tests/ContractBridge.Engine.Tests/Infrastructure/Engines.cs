using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>Builds started engines the way a host would, with test-friendly defaults (short leases and polls).</summary>
public static class Engines
{
    public static JobEngineOptions Options(string instanceId, Action<JobEngineOptions>? configure = null)
    {
        var options = new JobEngineOptions
        {
            InstanceId = instanceId,
            LeaseDuration = TimeSpan.FromSeconds(30),
            PollInterval = TimeSpan.FromMilliseconds(200),
            BackoffBase = TimeSpan.FromSeconds(2),
            BackoffMax = TimeSpan.FromMinutes(5),
            MaxAttempts = 5,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Starts an engine on <paramref name="store"/>; its instance row goes to <paramref name="instances"/>, by default the store itself.</summary>
    public static async Task<JobEngine> StartAsync(
        IJobStore store,
        IEnumerable<IJobHandler> handlers,
        JobEngineOptions options,
        TimeProvider? time = null,
        IEngineInstances? instances = null)
    {
        var engine = new JobEngine(
            store, instances ?? (IEngineInstances)store, handlers, new JobWakeups(), Microsoft.Extensions.Options.Options.Create(options),
            time ?? TimeProvider.System, NullLogger<JobEngine>.Instance);
        await engine.StartAsync(CancellationToken.None);
        return engine;
    }

    public static NewJob Job(string kind, string key, string payload = "{}", DateTimeOffset? notBefore = null) =>
        new(kind, key, payload, notBefore);

    public static IOptions<T> Wrap<T>(T value)
        where T : class => Microsoft.Extensions.Options.Options.Create(value);
}
