using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Simulators.Tests.Kommo.Support;

/// <summary>
/// A tiny ASP.NET Core app on 127.0.0.1 that receives webhooks, parses the form body by hand (so the test checks the
/// wire, not a framework's reading of it) and answers with the status the test chooses.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedWebhook> _received = [];
    private volatile int _status = StatusCodes.Status200OK;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>What the receiver answers from now on (500 to make the sender retry).</summary>
    public int AnswerStatus
    {
        set => _status = value;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/kommo/hook", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/kommo/hook?secret=s3cr3t");
        return receiver;
    }

    /// <summary>How long the receiver takes before answering (to outlast the sender's timeout); it gives up when stopped.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>Waits until at least <paramref name="count"/> webhooks have arrived; fails the test after the timeout.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(() => Received, r => r.Count >= count, $"{count} webhook(s) at {Url}", timeout, r => $"{r.Count} received");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Splits <c>a=b&amp;c=d</c> and URL-decodes each side ('+' is a space), keeping the order and duplicates.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseForm(string body) =>
        [.. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"Form pair without '=': {pair}");
            return new KeyValuePair<string, string>(WebUtility.UrlDecode(pair[..equals]), WebUtility.UrlDecode(pair[(equals + 1)..]));
        })];

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        lock (_received)
        {
            _received.Add(new ReceivedWebhook(context.Request.ContentType, body, ParseForm(body)));
        }

        if (AnswerDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(AnswerDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = _status;
    }
}
