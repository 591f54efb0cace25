using System.Net;
using ContractBridge.Observability;

namespace ContractBridge.Upstream;

/// <summary>Counts every call that reaches the wire, and the 429s, per service; notes when the service last said 2xx.</summary>
public sealed class UpstreamMetricsHandler(UpstreamService service, BridgeMetrics metrics, LastUpstreamSuccess successes) : DelegatingHandler
{
    private readonly string _service = service.ToString().ToLowerInvariant();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.UpstreamCalls.Add(1, new("service", _service), new("status", $"{(int)response.StatusCode / 100}xx"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                metrics.UpstreamRateLimited.Add(1, new KeyValuePair<string, object?>("service", _service));
            }
            else if (response.IsSuccessStatusCode)
            {
                successes.Record(service);
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            metrics.UpstreamCalls.Add(1, new("service", _service), new("status", "error"));
            throw;
        }
    }
}
