using System.Globalization;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Auth;
using ContractBridge.Simulators.Kommo.Control;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Kommo.Limits;
using ContractBridge.Simulators.Kommo.Store;
using ContractBridge.Simulators.Kommo.Webhooks;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo;

/// <summary>
/// A stateful, in-memory Kommo API v4 on loopback: <c>/api/v4/...</c> with bearer tokens, <c>/oauth2/access_token</c>,
/// the drive at <c>/drive</c>, webhooks sent as Kommo sends them, Kommo's limits (429 with a non-JSON body, then a 403
/// HTML block) and the common faults. <see cref="Control"/> (and <c>/_sim/</c>) seeds, plays sales reps and inspects.
/// </summary>
public sealed partial class KommoSimulator : SimulatedServer
{
    private const string TooManyRequestsPage =
        "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private const string BadGatewayPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private const string BlockedPage =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>403 Forbidden</title></head>\n<body><h1>Access denied</h1>\n"
        + "<p>Your account has been blocked for exceeding the API request limits. Please contact support.</p></body></html>\n";

    private readonly KommoStore _store = new();
    private readonly KommoLinks _links;
    private readonly KommoTokenStore _tokens;
    private readonly KommoRateGate _gate;
    private readonly KommoWebhookEmitter _webhooks;
    private readonly long _createdAt;
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public KommoSimulator(KommoSimulatorOptions options, TimeProvider time)
        : base("Kommo", options.Port, new SimulatorClock(time, options.TimeScale), new FaultInjector(options.Faults, options.Seed, time))
    {
        Options = options;
        _links = new KommoLinks(() => BaseUrl);
        _tokens = new KommoTokenStore(options);
        _gate = new KommoRateGate(options, Clock);
        _gate.AccountBlocked += status => Log.AccountBlocked(_logger, status.RecentTooManyRequests);
        _webhooks = new KommoWebhookEmitter(_store, options, Clock, Faults, () => _links.Account);
        _createdAt = Clock.UtcNow.ToUnixTimeSeconds();
        Control = new KommoControl(options, Clock, _store, _tokens, _gate, _webhooks, Faults, Calls);
        Control.Reset();
        if (options.SampleData)
        {
            SampleIds = Control.LoadSampleData();
        }
    }

    public KommoSimulatorOptions Options { get; }

    /// <summary>Seed, act as a sales rep, inspect, set faults: everything <c>/_sim/</c> offers, in process.</summary>
    public KommoControl Control { get; }

    /// <summary>The sample account's ids when <see cref="KommoSimulatorOptions.SampleData"/> is on; null otherwise.</summary>
    public SampleAccountIds? SampleIds { get; }

    /// <summary>Where the account's drive lives (what <c>GET /api/v4/account?with=drive_url</c> answers).</summary>
    public Uri DriveUrl => new(_links.Drive);

    /// <summary>The lines the program prints at start: what credentials a client needs and where the sample pipeline is.</summary>
    public IEnumerable<string> DescribeCredentials()
    {
        yield return $"Kommo account: subdomain {Options.Subdomain}, id {Options.AccountId}, API at {_links.Account}/api/v4, drive at {_links.Drive}";
        yield return $"Kommo long-lived token (Authorization: Bearer ...): {Options.LongLivedToken}";
        yield return $"Kommo OAuth: client_id {Options.ClientId}, client_secret {Options.ClientSecret}, "
            + $"refresh_token {Options.InitialRefreshToken} (single use), redirect_uri {Options.RedirectUri}, token endpoint {_links.Account}/oauth2/access_token";
        yield return $"Kommo limits: {Options.IntegrationRequestsPerSecond} req/s per integration, {Options.AccountRequestsPerSecond} req/s per account, "
            + $"blocked after {Options.BlockAfterTooManyRequests} 429s; control API at {_links.Account}/_sim/";
        if (SampleIds is { } sample)
        {
            yield return $"Kommo sample pipeline \"{sample.Sales.Name}\" id {sample.Sales.Id}: stages {Stages(sample.Sales)}";
            yield return $"Kommo sample pipeline \"{sample.Renewals.Name}\" id {sample.Renewals.Id}: stages {Stages(sample.Renewals)}";
        }
    }

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        _logger = routes.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ContractBridge.Simulators.Kommo");
        _webhooks.UseLogger(_logger);
        var api = new KommoApiContext(Options, Clock, _store, _links, _tokens, _webhooks);
        new AccountEndpoints(api, _createdAt).Map(routes);
        new PipelineEndpoints(api).Map(routes);
        new LeadEndpoints(api).Map(routes);
        new EventEndpoints(api).Map(routes);
        new ContactEndpoints(api).Map(routes);
        new NoteEndpoints(api).Map(routes);
        new TaskEndpoints(api).Map(routes);
        new WebhookEndpoints(api).Map(routes);
        new DriveEndpoints(api).Map(routes);
        new OAuthEndpoints(api, _logger).Map(routes);
        new ConsentEndpoints(api).Map(routes);
        new KommoControlEndpoints(Control).Map(routes);
        routes.MapFallback(context => KommoHttp.WriteNotFoundAsync(context, $"No such endpoint: {context.Request.Method} {context.Request.Path}"));
    }

    /// <summary>
    /// Kommo's own gate, in the order a real call meets it: a blocked account refuses everything (403 HTML); then the
    /// bearer token (401 problem+json); then the per-integration and per-account limits (429, non-JSON, no Retry-After).
    /// </summary>
    protected override async ValueTask<bool> GateAsync(HttpContext context)
    {
        if (_gate.IsBlocked)
        {
            await WriteBlockedAsync(context);
            return true;
        }

        string? integration = null;
        if (RequiresBearer(context.Request.Path))
        {
            var authentication = _tokens.Authenticate(context.Request.Headers.Authorization, Clock.UtcNow);
            if (authentication.Caller is null)
            {
                await KommoHttp.WriteProblemAsync(context, StatusCodes.Status401Unauthorized, authentication.Failure!);
                return true;
            }

            integration = authentication.Caller.IntegrationId;
        }

        switch (_gate.Admit(integration))
        {
            case GateVerdict.Admitted:
                return false;
            case GateVerdict.TooManyRequests:
                Calls.CountTooManyRequests();
                await WriteTooManyRequestsAsync(context);
                return true;
            default:
                await WriteBlockedAsync(context);
                return true;
        }
    }

    /// <summary>Kommo's 429 comes from its front proxy: an HTML page, and no Retry-After header to go by.</summary>
    protected override Task WriteTooManyRequestsAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(TooManyRequestsPage, context.RequestAborted);
    }

    /// <summary>
    /// Half of the injected failures are the application's 500 problem+json, half the front proxy's 502 HTML page (a
    /// seeded draw), so a client must cope with both, as it must against the real service.
    /// </summary>
    protected override Task WriteServerErrorAsync(HttpContext context)
    {
        if (Faults.Draw(0.5))
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(BadGatewayPage, context.RequestAborted);
        }

        return KommoHttp.WriteProblemAsync(context, StatusCodes.Status500InternalServerError, "Internal server error, please try again later");
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        await _webhooks.DisposeAsync();
    }

    private static bool RequiresBearer(PathString path) =>
        path.StartsWithSegments("/api/v4") || (path.StartsWithSegments("/drive") && !DriveEndpoints.IsUnauthenticatedPath(path));

    private static Task WriteBlockedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(BlockedPage, context.RequestAborted);
    }

    private static string Stages(SeededPipeline pipeline) =>
        string.Join(", ", pipeline.Statuses.Select(s => $"\"{s.Name}\" {s.Id.ToString(CultureInfo.InvariantCulture)}"));

    private static partial class Log
    {
        [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
            Message = "Kommo account blocked after {TooManyRequests} answers of 429: every call now gets 403 until unblocked")]
        public static partial void AccountBlocked(ILogger logger, int tooManyRequests);
    }
}
