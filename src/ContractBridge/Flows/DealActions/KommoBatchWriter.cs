using System.Net;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// One Kommo batch write in which one bad item never fails the others. Kommo refuses a batch whole when any item is
/// invalid, naming each invalid one by its request_id; those are split off and the rest is sent again. Kommo reports
/// every invalid item at once, so the second send normally succeeds; it is refused again only when something changed
/// in between (a deal deleted meanwhile), and the split is repeated, up to <see cref="MaxSends"/> sends in all.
/// </summary>
internal static class KommoBatchWriter
{
    /// <summary>Sends of one chunk: the batch, and at most two more without the items Kommo named.</summary>
    public const int MaxSends = 3;

    /// <param name="items">Each with its own request_id, unique in the batch.</param>
    /// <param name="send">The client's batch write (it sends up to <see cref="KommoClient.MaxPerRequest"/> items at a time).</param>
    public static async Task<KommoWriteOutcome> WriteAsync<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, CancellationToken, Task> send, CancellationToken cancellationToken)
        where T : IKommoBatchItem
    {
        var ids = items.Select(i => i.RequestId ?? throw new ArgumentException("Every item needs a request_id.", nameof(items))).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw new ArgumentException("Request ids must be unique in a batch.", nameof(items));
        }

        var written = new List<string>();
        var refused = new List<RefusedBatchItem>();
        var chunks = items.Chunk(KommoClient.MaxPerRequest).ToList();
        for (var index = 0; index < chunks.Count; index++)
        {
            var (left, failure) = await WriteChunkAsync(chunks[index], send, refused, cancellationToken);
            if (failure is not null)
            {
                // A chunk that failed stops the write: what it and the chunks after it hold was not written.
                var unwritten = left.Concat(chunks.Skip(index + 1).SelectMany(c => c)).Select(i => i.RequestId!).ToList();
                return new KommoWriteOutcome(written, refused, unwritten, failure);
            }

            written.AddRange(left.Select(i => i.RequestId!));
        }

        return new KommoWriteOutcome(written, refused, [], null);
    }

    /// <summary>
    /// Sends the chunk, splitting off the items Kommo names; adds them to <paramref name="refused"/>. Returns the items
    /// left: written when the failure is null, else not written because of it.
    /// </summary>
    private static async Task<(List<T> Left, UpstreamException? Failure)> WriteChunkAsync<T>(
        T[] chunk, Func<IReadOnlyList<T>, CancellationToken, Task> send, List<RefusedBatchItem> refused, CancellationToken cancellationToken)
        where T : IKommoBatchItem
    {
        var rest = chunk.ToList();
        for (var sends = 1; ; sends++)
        {
            try
            {
                await send(rest, cancellationToken);
                return (rest, null);
            }
            catch (UpstreamException ex) when (!ex.IsTransient && ex.RefusedItems.Count > 0)
            {
                var named = ex.RefusedItems.GroupBy(r => r.RequestId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                var split = rest.Where(i => named.ContainsKey(i.RequestId!)).ToList();
                if (split.Count == 0)
                {
                    // The refusal names none of the items sent: nothing can be split off, so it is every item's failure.
                    return (rest, ex);
                }

                refused.AddRange(split.Select(i => named[i.RequestId!]));
                rest = [.. rest.Where(i => !named.ContainsKey(i.RequestId!))];
                if (rest.Count == 0)
                {
                    return (rest, null);
                }

                if (sends == MaxSends)
                {
                    return (rest, new UpstreamException(
                        UpstreamService.Kommo,
                        $"Kommo refused other items of this batch {MaxSends} times (last: {ex.Message}); this one was not written and will be tried again",
                        HttpStatusCode.BadRequest,
                        isTransient: true));
                }
            }
            catch (UpstreamException ex)
            {
                return (rest, ex);
            }
        }
    }
}
