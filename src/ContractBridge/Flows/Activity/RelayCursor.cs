using System.Text.Json;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows.Activity;

/// <summary>
/// How far a workflow's activity has been told to its deal, per list, in the engine's key/values: the state after the
/// last relay (comment ids seen, approval statuses, the last turn), and the job that moved it there with the state it
/// started from. A relay's notes commit with its job, after the cursor moved; so a job that moved the cursor and then
/// did not finish (a crash, a lost lease) starts again from where it started, and writes the same notes, while every
/// other job starts from where the cursor stands. Moves are compare-and-set: two instances cannot both move it.
/// </summary>
public sealed class RelayCursor(IKeyValueStore values, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Where <paramref name="job"/> starts: the cursor's state, or for a re-run of the job that moved it, the state it moved from.</summary>
    public async Task<RelayPosition> ReadAsync(string key, Job job, CancellationToken cancellationToken)
    {
        var stored = await values.GetAsync(key, cancellationToken);
        var entry = string.IsNullOrEmpty(stored) ? null : Read(stored);
        var state = entry is null ? null : entry.Job == job.Id ? entry.Before : entry.State;
        return new RelayPosition(key, stored, state);
    }

    /// <summary>Moves the cursor from <paramref name="from"/> to <paramref name="state"/>; false when it moved meanwhile.</summary>
    public Task<bool> MoveAsync(RelayPosition from, Job job, string state, CancellationToken cancellationToken) =>
        values.CompareAndSetAsync(from.Key, from.Stored, JsonSerializer.Serialize(new Entry(job.Id, state, from.State), Json), time.GetUtcNow(), cancellationToken);

    private static Entry? Read(string stored)
    {
        try
        {
            return JsonSerializer.Deserialize<Entry>(stored, Json);
        }
        catch (JsonException)
        {
            // Not a cursor this release wrote: start from nothing rather than fail every relay of the workflow.
            return null;
        }
    }

    private sealed record Entry(long Job, string State, string? Before);
}
