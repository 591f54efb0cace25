namespace ContractBridge.Chaos.Hostile;

/// <summary>What a hostile request must get back.</summary>
public enum Expectation
{
    /// <summary>A 4xx; on a webhook endpoint, with a message saying what is wrong.</summary>
    Refused,

    /// <summary>An exact replay of a genuine, already stored delivery: 200 "duplicate", nothing new stored.</summary>
    Duplicate,
}

/// <summary>One generated request. <see cref="Category"/> groups them in the report.</summary>
public sealed record HostileRequest(
    string Category,
    HttpMethod Method,
    string Path,
    string? ContentType,
    byte[]? Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    Expectation Expect = Expectation.Refused,
    bool Chunked = false)
{
    /// <summary>Requests to the webhook endpoints must be answered with a message, unless routing refused them (404/405).</summary>
    public bool IsWebhook => Path.StartsWith("/webhooks/", StringComparison.Ordinal);

    /// <summary>
    /// A request target the HTTP server itself refuses before any application code runs (a NUL byte in the path):
    /// Kestrel answers 400 with no body, and nothing the bridge does can add a message.
    /// </summary>
    public bool RefusedByTheServer => Path.Contains("%00", StringComparison.Ordinal);

    /// <summary>Over the bridge's 1 MiB limit for webhook bodies.</summary>
    public bool IsOversized => Body is { Length: > 1024 * 1024 };
}
