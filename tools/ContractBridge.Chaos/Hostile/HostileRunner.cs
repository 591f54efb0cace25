using System.Collections.Concurrent;
using System.Text.Json;
using ContractBridge.Chaos.Checks;

namespace ContractBridge.Chaos.Hostile;

/// <summary>
/// Sends hostile requests to a bridge, several at a time, and judges each answer: a 4xx (with a message, on the webhook
/// endpoints), never a 5xx, never an accepted request, never a dropped connection. Every answer is scanned for secrets.
/// </summary>
public sealed class HostileRunner(Uri bridge, SecretScanner scanner, int concurrency = 8) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 64 })
    {
        BaseAddress = bridge,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly ConcurrentDictionary<string, long> _byCategory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _byStatus = new();
    private readonly ConcurrentDictionary<string, long> _violationCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _examples = new();
    private readonly Lock _scanLock = new();
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    public IReadOnlyDictionary<string, long> ByCategory => _byCategory;

    public IReadOnlyDictionary<int, long> ByStatus => _byStatus;

    /// <summary>Each kind of failure once with how often it happened, and the first example of it.</summary>
    public IReadOnlyList<string> Violations => [.. _violationCounts.OrderByDescending(v => v.Value).Select(v => $"{v.Value}x {v.Key}")];

    public IReadOnlyList<string> Examples => [.. _examples];

    public async Task RunAsync(IEnumerable<HostileRequest> requests, Func<long, Task>? every500 = null, CancellationToken cancellationToken = default)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var running = new List<Task>();
        var index = 0L;
        foreach (var request in requests)
        {
            await gate.WaitAsync(cancellationToken);
            running.Add(SendAsync(request, gate, cancellationToken));
            if (++index % 500 == 0 && every500 is not null)
            {
                await every500(index);
            }

            running.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(running);
    }

    private async Task SendAsync(HostileRequest hostile, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Build(hostile);
            Interlocked.Increment(ref _sent);
            _byCategory.AddOrUpdate(hostile.Category, 1, (_, n) => n + 1);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (hostile.IsOversized)
                {
                    // Refusing a body over the limit may close the connection while the client is still sending it.
                    _byStatus.AddOrUpdate(0, 1, (_, n) => n + 1);
                    return;
                }

                Fail(hostile, $"no answer ({ex.GetType().Name}: {ex.Message})");
                return;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Judge(hostile, response, status, body);
                lock (_scanLock)
                {
                    foreach (var hit in scanner.Scan(body + "\n" + response.Headers + response.Content.Headers, $"the answer to a '{hostile.Category}' request"))
                    {
                        Fail(hostile, hit);
                    }
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private void Judge(HostileRequest hostile, HttpResponseMessage response, int status, string body)
    {
        if (status >= 500)
        {
            Fail(hostile, $"answered {status}", body);
            return;
        }

        switch (hostile.Expect)
        {
            case Expectation.Duplicate:
                if (status != 200 || !body.Contains("duplicate", StringComparison.Ordinal))
                {
                    Fail(hostile, $"an exact replay was answered {status}, not 200 duplicate", body);
                }

                return;
        }

        if (status is < 400 or >= 500)
        {
            Fail(hostile, $"accepted: answered {status}", body);
            return;
        }

        if (hostile.IsWebhook && status is not (404 or 405) && !(hostile.RefusedByTheServer && status == 400) && !HasMessage(body))
        {
            Fail(hostile, $"answered {status} without a message", body);
        }
    }

    private static bool HasMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                && error.GetString()!.Length > 10;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void Fail(HostileRequest hostile, string what, string? body = null)
    {
        var key = $"'{hostile.Category}': {what}";
        if (_violationCounts.AddOrUpdate(key, 1, (_, n) => n + 1) == 1 && _examples.Count < 40)
        {
            var shown = hostile.Body is { Length: > 0 } b ? System.Text.Encoding.UTF8.GetString(b, 0, Math.Min(b.Length, 160)) : string.Empty;
            _examples.Enqueue($"{key}\n    {hostile.Method} {Shorten(hostile.Path)} [{hostile.ContentType}] {Shorten(shown)}\n    answer: {Shorten(body ?? string.Empty)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static HttpRequestMessage Build(HostileRequest hostile)
    {
        var request = new HttpRequestMessage(hostile.Method, new Uri(hostile.Path, UriKind.Relative));
        if (hostile.IsOversized)
        {
            // The bridge may answer 413 before the body is sent; a connection it closes must not be reused for another request.
            request.Headers.ExpectContinue = true;
            request.Headers.ConnectionClose = true;
        }

        if (hostile.Body is { } body)
        {
            request.Content = hostile.Chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
            if (hostile.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var (name, value) in hostile.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A stream that does not say how long it is, so the body goes out chunked (no Content-Length to refuse early).</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
