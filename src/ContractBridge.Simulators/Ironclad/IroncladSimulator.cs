using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Control;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad;

/// <summary>
/// A stateful, in-memory Ironclad public API at <c>/public/api/v1/...</c> (plus <c>/oauth/token</c>), faithful in wire
/// format, errors, limits and webhooks, with its control API under <c>/_sim/</c>. Use <see cref="Control"/> in-process,
/// or <see cref="IroncladSimulatorClient"/> from another process.
/// </summary>
public sealed class IroncladSimulator : SimulatedServer
{
    private readonly IroncladSimulatorOptions _options;
    private readonly WebhookSigningKey _signingKey = new();
    private readonly IroncladServices _services;
    private readonly WindowRateLimit _workflowWrites;
    private readonly WindowRateLimit _workflowReads;
    private readonly WindowRateLimit _signStatusCalls;
    private readonly WindowRateLimit _recordReads;
    private readonly WindowRateLimit _otherCalls;

    public IroncladSimulator(IroncladSimulatorOptions options, TimeProvider time)
        : base("Ironclad", options.Port, new SimulatorClock(time, options.TimeScale), new FaultInjector(options.Faults, options.Seed, time))
    {
        _options = options;
        State = new IroncladState(options, Clock, Faults, _signingKey) { BaseUrlSource = () => BaseUrl };
        var tokens = new OAuthTokenStore(time, options.OAuthTokenLifetime);
        _services = new IroncladServices(
            options,
            Clock,
            State,
            new WorkflowLauncher(State, Clock),
            new IroncladAuthenticator(options.ApiKey, tokens, State, time),
            tokens,
            _signingKey);
        Control = new IroncladControl(State, Faults, options.Faults, Calls, _signingKey, tokens);
        _workflowWrites = new WindowRateLimit(Clock, options.WorkflowWritesPerMinute, TimeSpan.FromMinutes(1));
        _workflowReads = new WindowRateLimit(Clock, options.WorkflowReadsPerMinute, TimeSpan.FromMinutes(1));
        _signStatusCalls = new WindowRateLimit(Clock, options.SignStatusCallsPerMinute, TimeSpan.FromMinutes(1));
        _recordReads = new WindowRateLimit(Clock, options.RecordReadsPerMinute, TimeSpan.FromMinutes(1));
        _otherCalls = new WindowRateLimit(Clock, options.OtherCallsPerMinute, TimeSpan.FromMinutes(1));
    }

    /// <summary>The simulated company's data (templates, workflows, webhooks), for in-process inspection.</summary>
    public IroncladState State { get; }

    /// <summary>The control API in-process: advance workflows, re-publish templates, rotate the key, set faults, read counts.</summary>
    public IroncladControl Control { get; }

    /// <summary>Lines the program prints at start: how to call this simulator.</summary>
    public IEnumerable<string> DescribeCredentials()
    {
        yield return $"Ironclad API base: {BaseUrl.GetLeftPart(UriPartial.Authority)}{WorkflowJsonWriter.ApiPrefix}";
        yield return $"Ironclad legacy API key (Authorization: Bearer): {_options.ApiKey}";
        yield return $"Ironclad OAuth client credentials (POST /oauth/token): client_id={_options.OAuthClientId} client_secret={_options.OAuthClientSecret}";
        if (State.Users.Count > 0)
        {
            yield return $"Ironclad creator / x-as-user-email: {State.Users[0].Email}";
        }

        yield return "Ironclad templates: " + string.Join(", ", State.Templates.Select(t => $"{t.Name} ({t.Id})"));
        if (_options.SeedDialectWebhookSecret is { } secret)
        {
            yield return $"Ironclad seed dialect on: GET /public/api/v1/templates, workflow.state.changed HMAC secret {secret}";
        }

        yield return $"Ironclad control API: {BaseUrl.GetLeftPart(UriPartial.Authority)}/_sim/state";
    }

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        var root = routes.MapGroup("").AddEndpointFilter(AnswerIroncladErrorsAsync);
        OAuthTokenEndpoint.Map(root, _services);

        var api = routes.MapGroup(WorkflowJsonWriter.ApiPrefix).AddEndpointFilter(AnswerIroncladErrorsAsync);
        WorkflowSchemaEndpoints.Map(api, _services);
        WorkflowEndpoints.Map(api, _services);
        WorkflowActionEndpoints.Map(api, _services);
        WorkflowAttributeEndpoints.Map(api, _services);
        CommentEndpoints.Map(api, _services);
        ApprovalAndTurnEndpoints.Map(api, _services);
        DocumentEndpoints.Map(api, _services);
        SignStatusEndpoints.Map(api, _services);
        RecordEndpoints.Map(api, _services);
        WebhookEndpoints.Map(api, _services);
        api.MapFallback(() => IroncladJson.Error(StatusCodes.Status404NotFound, IroncladError.NotFound("not found", "path")));

        ControlEndpoints.Map(routes, Control);
    }

    /// <summary>
    /// Ironclad's published limits, per company per minute: the sign-status bucket for the Sign step's routes,
    /// <c>pub:workflows:write</c> for POST/PATCH/PUT/DELETE under /workflows, <c>pub:workflows:read</c> for GETs there,
    /// records read (600) for GETs under /records, and the general limit for everything else.
    /// </summary>
    protected override async ValueTask<bool> GateAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var (limit, bucket) = path.StartsWithSegments(WorkflowJsonWriter.ApiPrefix + "/workflows")
            ? path.Value!.Contains("/sign-status", StringComparison.Ordinal) ? (_signStatusCalls, "sign-status")
                : HttpMethods.IsGet(context.Request.Method) ? (_workflowReads, "pub:workflows:read") : (_workflowWrites, "pub:workflows:write")
            : path.StartsWithSegments(WorkflowJsonWriter.ApiPrefix + "/records") && HttpMethods.IsGet(context.Request.Method)
                ? (_recordReads, "pub:records:read")
                : (_otherCalls, "pub:other");
        if (limit.TryAcquire($"{_options.CompanyId}/{bucket}"))
        {
            return false;
        }

        Calls.CountTooManyRequests();
        await WriteTooManyRequestsAsync(context);
        return true;
    }

    protected override async Task WriteTooManyRequestsAsync(HttpContext context)
    {
        if (_options.SendRetryAfter)
        {
            var window = Clock.Scaled(TimeSpan.FromMinutes(1));
            var left = TimeSpan.FromTicks(window.Ticks - (Clock.UtcNow.UtcTicks % Math.Max(1, window.Ticks)));
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(left.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await IroncladJson.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests,
            new IroncladError("TOO_MANY_REQUESTS", "rate limit exceeded, please retry later"));
    }

    protected override Task WriteServerErrorAsync(HttpContext context) =>
        IroncladJson.WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
            new IroncladError("SERVER_ERROR", "an unexpected error occurred"));

    protected override async ValueTask DisposeCoreAsync()
    {
        await State.DisposeAsync();
        _signingKey.Dispose();
        await base.DisposeCoreAsync();
    }

    /// <summary>Ironclad's error answers; a 429 of the API's own (a reminder within the hour) counts with the limit's.</summary>
    private async ValueTask<object?> AnswerIroncladErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (IroncladApiException ex)
        {
            if (ex.StatusCode == StatusCodes.Status429TooManyRequests)
            {
                Calls.CountTooManyRequests();
            }

            return IroncladJson.Error(ex.StatusCode, ex.Error);
        }
    }
}
