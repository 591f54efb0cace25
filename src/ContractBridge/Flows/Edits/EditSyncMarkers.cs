using System.Globalization;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows.Edits;

/// <summary>
/// What edit syncs remember per deal, in the engine's key/values. <b>Read</b>: when a sync last read the deal; an edit
/// sync job stored before that moment is absorbed (its edit was in that read), so a burst of edits costs one read and
/// one PATCH. <b>Noted</b>: the change set the deal was last told could not reach its contract, with the job that
/// claimed it: a job whose attempt claimed it but did not finish (its note was not stored, since follow-ups commit
/// with the job) claims it again; any other job sees it taken, so each change set is noted once.
/// </summary>
public sealed class EditSyncMarkers(IKeyValueStore values)
{
    /// <summary>Jobs are stamped by the instance that stored them: a little slack for clocks that differ between instances.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(250);

    public async Task<bool> AbsorbedAsync(Job job, long leadId, CancellationToken cancellationToken) =>
        long.TryParse(await values.GetAsync(ReadKey(leadId), cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var readAt)
        && job.CreatedAt < DateTimeOffset.FromUnixTimeMilliseconds(readAt) - ClockSlack;

    public Task RecordReadAsync(long leadId, DateTimeOffset readAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        values.SetAsync(ReadKey(leadId), readAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), now, cancellationToken);

    /// <summary>True when <paramref name="job"/> is the one to write the note for <paramref name="fingerprint"/>.</summary>
    public async Task<bool> ClaimNoteAsync(long leadId, string fingerprint, Job job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = NotedKey(leadId);
        var mine = string.Create(CultureInfo.InvariantCulture, $"{fingerprint}:{job.Id}");
        var current = await values.GetAsync(key, cancellationToken);
        if (current == mine)
        {
            return true;
        }

        return current?.StartsWith(fingerprint + ":", StringComparison.Ordinal) != true
            && await values.CompareAndSetAsync(key, current, mine, now, cancellationToken);
    }

    /// <summary>The deal and its contract agree again: the next change set is noted even if it was noted before.</summary>
    public async Task ForgetNoteAsync(long leadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = NotedKey(leadId);
        if (!string.IsNullOrEmpty(await values.GetAsync(key, cancellationToken)))
        {
            await values.SetAsync(key, string.Empty, now, cancellationToken);
        }
    }

    private static string ReadKey(long leadId) => string.Create(CultureInfo.InvariantCulture, $"contract-edits:read:{leadId}");

    private static string NotedKey(long leadId) => string.Create(CultureInfo.InvariantCulture, $"contract-edits:noted:{leadId}");
}
