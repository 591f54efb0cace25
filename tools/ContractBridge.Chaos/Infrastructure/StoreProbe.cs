using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Chaos.Infrastructure;

/// <summary>
/// Reads the bridge's own database from outside (counts of events and jobs, dead letters, stored tokens). Used to know
/// when the bridge has gone quiet and to count stored events; the invariants are checked against the simulators.
/// </summary>
public sealed class StoreProbe(IBridgeStore store) : IAsyncDisposable
{
    public static StoreProbe Open(string? dataDirectory, string? postgres) =>
        new(BridgeStoreFactory.Create(new StorageOptions { DataDirectory = dataDirectory ?? "unused", PostgresConnectionString = postgres }));

    public IBridgeStore Store => store;

    public Task<JobCounts> JobsAsync(CancellationToken cancellationToken) => store.CountAsync(cancellationToken);

    public Task<long> EventsAsync(CancellationToken cancellationToken) => store.CountEventsAsync(cancellationToken);

    /// <summary>True when nothing is pending or running (a job still running on a killed instance's lease counts as running).</summary>
    public async Task<bool> IsQuietAsync(CancellationToken cancellationToken) =>
        await JobsAsync(cancellationToken) is { Pending: 0, Running: 0 };

    /// <summary>Dead-lettered jobs with their errors, for the report.</summary>
    public async Task<IReadOnlyList<string>> DeadJobsAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(JobStatus.Dead, 50, cancellationToken)).Select(j => $"job {j.Id} {j.Kind} {j.Key}: {j.LastError}")];

    public async Task<string> ExplainAsync(CancellationToken cancellationToken)
    {
        var counts = await JobsAsync(cancellationToken);
        var open = (await store.ListAsync(null, 400, cancellationToken))
            .Where(j => j.Status is JobStatus.Pending or JobStatus.Running or JobStatus.Dead)
            .Take(30)
            .Select(j => $"  job {j.Id} {j.Kind} {j.Key} {j.Status} attempts={j.Attempts} error={j.LastError}");
        return $"Bridge jobs: {counts}\n{string.Join('\n', open)}";
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
