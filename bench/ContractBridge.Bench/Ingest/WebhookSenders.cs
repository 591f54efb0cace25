using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace ContractBridge.Bench.Ingest;

/// <summary>
/// HttpClient senders posting webhook-sized bodies (by default an Ironclad-like JSON body; <paramref name="content"/> makes
/// the n-th one), either as fast as answers come or at a fixed rate.
/// </summary>
internal sealed class WebhookSenders(HttpClient client, Uri endpoint, Func<long, HttpContent>? content = null)
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"event":"workflow.state.changed","workflowId":"6a1c5e0f2b7d4c3a9e8f1d2c","workflowStatus":"active","step":"Review","lastUpdated":"2026-01-15T09:00:00.000Z","attributes":{"kommoLeadId":"123456","counterpartyName":"Acme Corporation","contractValue":{"amount":25000,"currency":"USD"}}}""");

    private readonly string runId = Guid.NewGuid().ToString("N")[..8];
    private long nextId;

    /// <summary>Closed loop: each sender sends its next request when the previous one is answered.</summary>
    public async Task<LatencyRecorder> ClosedLoopAsync(int senders, TimeSpan warmUp, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var stopAt = warmUp + duration;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < stopAt)
            {
                var start = Stopwatch.GetTimestamp();
                var measured = clock.Elapsed >= measureFrom;
                await SendAsync(start, measured ? recorder : null);
            }
        })));
        return recorder;
    }

    /// <summary>
    /// Open loop at <paramref name="perSecond"/>: request i is due at i / rate whatever happened to earlier ones, and its
    /// latency counts from when it was due, so a stall shows up in the figures instead of quietly slowing the senders.
    /// </summary>
    public async Task<LatencyRecorder> FixedRateAsync(double perSecond, TimeSpan warmUp, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var clock = Stopwatch.StartNew();
        var origin = Stopwatch.GetTimestamp();
        var total = (long)(perSecond * (warmUp + duration).TotalSeconds);
        var measuredFrom = (long)(perSecond * warmUp.TotalSeconds);
        var inFlight = new List<Task>();
        for (long i = 0; i < total;)
        {
            var dueNow = (long)(clock.Elapsed.TotalSeconds * perSecond);
            for (; i < total && i <= dueNow; i++)
            {
                var due = origin + (long)(i / perSecond * Stopwatch.Frequency);
                inFlight.Add(SendAsync(due, i >= measuredFrom ? recorder : null));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight);
        return recorder;
    }

    private static ByteArrayContent DefaultContent()
    {
        var json = new ByteArrayContent(Body);
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return json;
    }

    private async Task SendAsync(long start, LatencyRecorder? recorder)
    {
        try
        {
            var id = Interlocked.Increment(ref nextId);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content?.Invoke(id) ?? DefaultContent() };
            request.Headers.Add("X-Event-Id", $"{runId}-{id}");
            using var response = await client.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                recorder?.Record(start);
            }
            else
            {
                recorder?.Error();
            }
        }
        catch (HttpRequestException)
        {
            recorder?.Error();
        }
    }
}
