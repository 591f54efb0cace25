using System.Globalization;
using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows.Nudge;

/// <summary>
/// Since when each contract is out for signature, in the shared key/values (<c>signature.since:{workflow}</c>): set by
/// the job stored with the move to Signature, so a later return to Signature starts the clock again. A contract that
/// went out before the bridge kept this gets its clock from the first look, at the link's last update.
/// </summary>
public sealed class SignatureClock(IKeyValueStore store, TimeProvider time)
{
    public static string Key(string workflowId) => "signature.since:" + workflowId;

    public Task StartAsync(string workflowId, DateTimeOffset since, CancellationToken cancellationToken) =>
        store.SetAsync(Key(workflowId), Format(since), time.GetUtcNow(), cancellationToken);

    /// <summary>The recorded start, or null when none is.</summary>
    public async Task<DateTimeOffset?> ReadAsync(string workflowId, CancellationToken cancellationToken) =>
        await store.GetAsync(Key(workflowId), cancellationToken) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;

    /// <summary>The start of a link out for signature: the recorded one, else (recorded now, if nobody did first) its last update.</summary>
    public async Task<DateTimeOffset> SinceAsync(ContractLink link, CancellationToken cancellationToken)
    {
        var workflowId = link.WorkflowId!;
        if (await ReadAsync(workflowId, cancellationToken) is { } since)
        {
            return since;
        }

        await store.CompareAndSetAsync(Key(workflowId), null, Format(link.UpdatedAt), time.GetUtcNow(), cancellationToken);
        return await ReadAsync(workflowId, cancellationToken) ?? link.UpdatedAt;
    }

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
