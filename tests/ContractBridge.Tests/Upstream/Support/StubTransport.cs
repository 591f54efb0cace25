using System.Net;

namespace ContractBridge.Tests.Upstream.Support;

/// <summary>
/// The wire, for handler tests: answers each attempt from a script (given the request and the attempt's number, from 1)
/// and records what the attempt carried, since a request sent again is the same object with new headers.
/// </summary>
internal sealed class StubTransport(Func<HttpRequestMessage, int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<Attempt> _sent = [];

    /// <summary>Answers every attempt with <paramref name="status"/>.</summary>
    public StubTransport(HttpStatusCode status)
        : this((_, _) => new HttpResponseMessage(status))
    {
    }

    public IReadOnlyList<Attempt> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var actAs = request.Headers.TryGetValues("x-as-user-email", out var values) ? values.ToList() : [];
        int number;
        lock (_gate)
        {
            _sent.Add(new Attempt(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), actAs, body));
            number = _sent.Count;
        }

        var response = answer(request, number);
        response.RequestMessage = request;
        return response;
    }

    /// <summary>One attempt as it went out.</summary>
    public sealed record Attempt(HttpMethod Method, Uri Uri, string? Authorization, IReadOnlyList<string> ActAs, string? Body);
}
