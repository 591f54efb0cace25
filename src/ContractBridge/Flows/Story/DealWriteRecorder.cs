using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Story;

/// <summary>
/// Records each batch Kommo accepted in the deal-write log, for the deal's story. A failure to record is logged and
/// swallowed: Kommo has the write, and the job that made it must not be retried (and write again) for a story line.
/// </summary>
public sealed partial class DealWriteRecorder(IDealWriteLog log, TimeProvider time, ILogger<DealWriteRecorder> logger) : IKommoWriteObserver
{
    public async Task WrittenAsync(IReadOnlyList<IKommoBatchItem> items, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var writes = items.SelectMany(i => DealWriteDescriptions.Of(i, at)).ToList();
        try
        {
            await log.RecordAsync(writes, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NotRecorded(logger, writes.Count, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9862, Level = LogLevel.Warning, Message = "{Count} writes Kommo accepted were not recorded in the deals' stories")]
        public static partial void NotRecorded(ILogger logger, int count, Exception exception);
    }
}
