using ContractBridge.Upstream;

namespace ContractBridge.Flows.DealActions;

/// <summary>
/// What became of each item of a Kommo batch write, by request_id: written; refused by Kommo, with its reasons; or not
/// written because of <see cref="Failure"/> (a failure that named no item, or any other), which is then not null.
/// </summary>
internal sealed record KommoWriteOutcome(
    IReadOnlyList<string> Written,
    IReadOnlyList<RefusedBatchItem> Refused,
    IReadOnlyList<string> Unwritten,
    UpstreamException? Failure);
