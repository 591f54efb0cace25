using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>A loopback receiver that keeps every webhook it gets (body and headers), to replay genuine deliveries.</summary>
internal sealed class WebhookCapture : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookCapture(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<CapturedWebhook> Received { get; } = new();

    public static async Task<WebhookCapture> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookCapture? capture = null;
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            capture!.Received.Enqueue(new CapturedWebhook(await reader.ReadToEndAsync(), headers));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        capture = new WebhookCapture(app, new Uri(address));
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record CapturedWebhook(string Body, IReadOnlyDictionary<string, string> Headers);
