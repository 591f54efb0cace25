using System.Net.Http.Headers;

namespace ContractBridge.Upstream;

/// <summary>
/// Turns every way a call can fail into an <see cref="UpstreamException"/>: a broken connection or a timeout (the
/// client's, or the resilience pipeline's) is transient, a non-success answer is classified by the service's <see cref="IUpstreamProblemReader"/>, with the
/// server's Retry-After (seconds, or an HTTP date measured on the injected clock). Sits outermost, so it sees the answer
/// left after the read retries and the 401 renewal, and the clients only ever read successes.
/// </summary>
public sealed class UpstreamErrorHandler(UpstreamService service, IUpstreamProblemReader problems, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamException(service, $"{service} {UpstreamText.Describe(request)} failed: {ex.Message}", null, isTransient: true, inner: ex);
        }
        catch (Exception ex) when (ex is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout, or the resilience pipeline's per-attempt and total timeouts (Polly's exception):
            // either way the service did not answer in time, which a later try may not meet again.
            throw new UpstreamException(service, $"{service} {UpstreamText.Describe(request)} timed out", null, isTransient: true, inner: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var failure = new UpstreamFailure(
                response.StatusCode,
                UpstreamText.Describe(request),
                await response.Content.ReadAsStringAsync(cancellationToken),
                response.Content.Headers.ContentType?.MediaType,
                RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()));
            throw problems.ToException(failure);
        }
    }

    /// <summary>Retry-After as a delay: given in seconds, or as the HTTP date to wait until.</summary>
    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) =>
        header?.Delta ?? (header?.Date is { } date ? date - now : null);
}
