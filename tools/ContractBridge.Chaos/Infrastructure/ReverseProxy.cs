using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Chaos.Infrastructure;

/// <summary>
/// A small HTTP reverse proxy on loopback. In front of several bridge instances it is the load balancer (round robin,
/// moving on to the next instance when one refuses the connection, as a real balancer's health checks would); in front
/// of a simulator it can answer some requests itself or rewrite answers (a hostile Ironclad, for the security tests).
/// </summary>
public sealed class ReverseProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host", "Content-Length",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly IReadOnlyList<Uri> _targets;
    private readonly ProxyRules _rules;
    private int _next;
    private long _forwarded;
    private long _failovers;

    private ReverseProxy(WebApplication app, IReadOnlyList<Uri> targets, ProxyRules rules)
    {
        _app = app;
        _targets = targets;
        _rules = rules;
    }

    public Uri Url { get; private set; } = null!;

    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Requests that found an instance down and went to the next one.</summary>
    public long Failovers => Interlocked.Read(ref _failovers);

    public static async Task<ReverseProxy> StartAsync(IReadOnlyList<Uri> targets, ProxyRules? rules = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new ReverseProxy(app, targets, rules ?? new ProxyRules());
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (_rules.Answer?.Invoke(context.Request) is { } local)
        {
            context.Response.StatusCode = local.Status;
            context.Response.ContentType = local.ContentType;
            await context.Response.WriteAsync(local.Body, context.RequestAborted);
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        var start = Interlocked.Increment(ref _next);
        for (var i = 0; i < _targets.Count; i++)
        {
            var target = _targets[(int)((uint)(start + i) % (uint)_targets.Count)];
            using var request = Build(context.Request, target, bytes);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
            }
            catch (HttpRequestException) when (i < _targets.Count - 1)
            {
                Interlocked.Increment(ref _failovers);
                continue;
            }
            catch (HttpRequestException)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }

            using (response)
            {
                Interlocked.Increment(ref _forwarded);
                await CopyAsync(context, response);
                return;
            }
        }
    }

    private static HttpRequestMessage Build(HttpRequest incoming, Uri target, byte[] body)
    {
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(target, incoming.Path + incoming.QueryString));
        if (body.Length > 0 || incoming.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return request;
    }

    private async Task CopyAsync(HttpContext context, HttpResponseMessage response)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        var content = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (_rules.RewriteBody is { } rewrite && IsText(response.Content.Headers.ContentType))
        {
            var text = System.Text.Encoding.UTF8.GetString(content);
            var rewritten = rewrite(context.Request, text);
            if (!ReferenceEquals(rewritten, text))
            {
                content = System.Text.Encoding.UTF8.GetBytes(rewritten);
            }
        }

        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static bool IsText(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && (media.Contains("json", StringComparison.OrdinalIgnoreCase) || media.StartsWith("text/", StringComparison.OrdinalIgnoreCase));
}

/// <param name="Answer">Answers a request here instead of forwarding it (null: forward).</param>
/// <param name="RewriteBody">Rewrites a forwarded text answer; returning the same string leaves it alone.</param>
public sealed record ProxyRules(
    Func<HttpRequest, LocalAnswer?>? Answer = null,
    Func<HttpRequest, string, string>? RewriteBody = null);

public sealed record LocalAnswer(int Status, string ContentType, string Body);
