using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using Microsoft.Extensions.DependencyInjection;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>
/// Steps into the bridge's own calls to one upstream, innermost in its HTTP pipeline (next to the wire): a request can
/// be answered in the service's place (<see cref="Answer"/>: an outage of one path), held until the test lets it go
/// (<see cref="Hold"/>), or sent and its answer lost (<see cref="LoseAnswer"/>: a connection that broke after the write).
/// </summary>
internal sealed class UpstreamTap
{
    /// <summary>A non-null answer replaces the call (it never reaches the service).</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?> Answer { get; set; } = _ => null;

    /// <summary>A non-null task holds the request until it completes.</summary>
    public Func<HttpRequestMessage, Task?> Hold { get; set; } = _ => null;

    /// <summary>True: the request is sent, and its answer lost.</summary>
    public Func<HttpRequestMessage, bool> LoseAnswer { get; set; } = _ => false;

    public static Action<IServiceCollection> Into(UpstreamTap? ironclad = null, UpstreamTap? kommo = null) => services =>
    {
        if (ironclad is not null)
        {
            services.AddHttpClient<IroncladClient>().AddHttpMessageHandler(() => new TapHandler(ironclad));
        }

        if (kommo is not null)
        {
            services.AddHttpClient<KommoClient>().AddHttpMessageHandler(() => new TapHandler(kommo));
        }
    };

    /// <summary>A 503 as an upstream in trouble answers, for <paramref name="request"/>.</summary>
    public static HttpResponseMessage Unavailable(HttpRequestMessage request) =>
        new(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("down for the test") };

    private sealed class TapHandler(UpstreamTap tap) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (tap.Hold(request) is { } held)
            {
                await held.WaitAsync(cancellationToken);
            }

            if (tap.Answer(request) is { } answer)
            {
                return answer;
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (tap.LoseAnswer(request))
            {
                response.Dispose();
                throw new HttpRequestException("The connection was reset after the request was sent (the answer is lost).");
            }

            return response;
        }
    }
}
