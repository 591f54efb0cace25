using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ContractBridge.Simulators.Common;

/// <summary>
/// One simulated upstream service: a Kestrel server on loopback with the service's routes, its control API under
/// <c>/_sim/</c>, call counting and fault injection in front of every API route.
/// </summary>
public abstract class SimulatedServer : IAsyncDisposable
{
    private WebApplication? _app;

    protected SimulatedServer(string name, int port, SimulatorClock clock, FaultInjector faults)
    {
        Name = name;
        Port = port;
        Clock = clock;
        Faults = faults;
    }

    public string Name { get; }

    /// <summary>The port asked for; 0 picks a free one. After start, <see cref="BaseUrl"/> has the real one.</summary>
    public int Port { get; }

    public SimulatorClock Clock { get; }

    public FaultInjector Faults { get; }

    public CallCounter Calls { get; } = new();

    /// <summary>The server root, e.g. <c>http://127.0.0.1:5123</c>, without a trailing slash.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, Port);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        builder.Services.AddRoutingCore();
        ConfigureServices(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        app.Use(InjectFaultsAsync);
        MapRoutes(app);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Stops what the subclass runs in the background (webhook senders, schedules).</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Maps the service's API routes and its <c>/_sim/</c> control routes.</summary>
    protected abstract void MapRoutes(IEndpointRouteBuilder routes);

    /// <summary>Writes the service's own 429 answer (Kommo: a non-JSON body; Ironclad: its error JSON).</summary>
    protected abstract Task WriteTooManyRequestsAsync(HttpContext context);

    /// <summary>Writes the service's own answer to an injected server error.</summary>
    protected abstract Task WriteServerErrorAsync(HttpContext context);

    /// <summary>
    /// The service's own gate in front of an API call: blocked accounts, rate limits. Returns true when it has answered.
    /// Runs before latency, because a real server counts a call when it arrives.
    /// </summary>
    protected virtual ValueTask<bool> GateAsync(HttpContext context) => ValueTask.FromResult(false);

    /// <summary>Paths that are the simulator's control API: never counted, limited or faulted.</summary>
    protected virtual bool IsControlPath(PathString path) => path.StartsWithSegments("/_sim");

    private async Task InjectFaultsAsync(HttpContext context, RequestDelegate next)
    {
        if (IsControlPath(context.Request.Path))
        {
            await next(context);
            return;
        }

        // The jitter comes first: a real server counts a call when it arrives, after the network has delayed it.
        if (Faults.Profile.ArrivalJitter is var jitter && jitter > TimeSpan.Zero)
        {
            await Task.Delay(Faults.DrawDuration(jitter), Clock.Time, context.RequestAborted);
        }

        Calls.Count(EndpointName(context), Clock.UtcNow);
        if (Faults.InRateLimitStorm)
        {
            Calls.CountTooManyRequests();
            Faults.Count(FaultKind.RateLimitStorm);
            await WriteTooManyRequestsAsync(context);
            return;
        }

        if (await GateAsync(context))
        {
            return;
        }

        await Clock.Delay(Faults.DrawLatency(), context.RequestAborted);
        var profile = Faults.Profile;
        if (Faults.Draw(profile.ConnectionResetRate, FaultKind.ConnectionReset))
        {
            Calls.CountReset();
            context.Abort();
            return;
        }

        if (Faults.Draw(profile.ServerErrorRate, FaultKind.ServerError))
        {
            Calls.CountServerError();
            await WriteServerErrorAsync(context);
            return;
        }

        if (IsWrite(context.Request.Method) && Faults.Draw(profile.LostResponseRate, FaultKind.LostResponse))
        {
            await RunThenLoseResponseAsync(context, next);
            return;
        }

        await next(context);
    }

    /// <summary>Handles the call in full (its effects are committed), then resets the connection instead of answering.</summary>
    private async Task RunThenLoseResponseAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var swallowed = new MemoryStream();
        context.Response.Body = swallowed;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        Calls.CountLostResponse();
        context.Abort();
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);

    private static string EndpointName(HttpContext context)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var path = pattern is null ? context.Request.Path.Value ?? "/" : "/" + pattern.TrimStart('/');
        return $"{context.Request.Method} {path}";
    }
}
