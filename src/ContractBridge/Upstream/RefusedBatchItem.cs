namespace ContractBridge.Upstream;

/// <summary>
/// One item of a batch write that the service refused, named by the <c>request_id</c> the client gave it (Kommo's
/// <c>validation-errors[]</c>), with every reason given for it.
/// </summary>
public sealed record RefusedBatchItem(string RequestId, IReadOnlyList<BatchItemError> Errors)
{
    /// <summary>The reasons as a person reads them: "path: detail (code)", joined by "; ".</summary>
    public string Reason => string.Join("; ", Errors.Select(e => e.Describe()));
}
