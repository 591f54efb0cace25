using System.Net;

namespace ContractBridge.Upstream;

/// <summary>
/// A call to Kommo or Ironclad that did not succeed, classified for the job engine: transient failures (429, 5xx,
/// timeouts, resets) are retried, permanent ones (400 validation, 404, 401) stop and say what to fix.
/// The message never contains credentials.
/// </summary>
public sealed class UpstreamException : Exception
{
    public UpstreamException(
        UpstreamService service,
        string message,
        HttpStatusCode? status,
        bool isTransient,
        TimeSpan? retryAfter = null,
        string? errorCode = null,
        string? errorParam = null,
        Exception? inner = null,
        IReadOnlyList<RefusedBatchItem>? refusedItems = null)
        : base(message, inner)
    {
        Service = service;
        Status = status;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
        ErrorCode = errorCode;
        ErrorParam = errorParam;
        RefusedItems = refusedItems ?? [];
    }

    public UpstreamService Service { get; }

    public HttpStatusCode? Status { get; }

    public bool IsTransient { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The service's own error code (Ironclad: MISSING_PARAM, INVALID_PARAM, NOT_FOUND, ...).</summary>
    public string? ErrorCode { get; }

    /// <summary>What the error is about (Ironclad's <c>param</c>: an attribute id or a JSON array of them).</summary>
    public string? ErrorParam { get; }

    /// <summary>
    /// The items of a batch write that the service named as refused (Kommo's <c>validation-errors[].request_id</c>);
    /// empty when the failure names none. The other items of that request were refused with them, unwritten.
    /// </summary>
    public IReadOnlyList<RefusedBatchItem> RefusedItems { get; }

    public bool IsNotFound => Status == HttpStatusCode.NotFound || ErrorCode == "NOT_FOUND";

    /// <summary>A status is transient when retrying the same call later can succeed.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict
        || (int)status >= 500;
}
