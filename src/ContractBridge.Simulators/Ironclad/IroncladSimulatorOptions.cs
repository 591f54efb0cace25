using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractBridge.Simulators.Ironclad;

/// <summary>How the Ironclad simulator starts. Durations marked "scaled" are real-world and divided by <see cref="TimeScale"/>.</summary>
public sealed record IroncladSimulatorOptions
{
    public int Port { get; init; }

    public double TimeScale { get; init; } = 1.0;

    public FaultProfile Faults { get; init; } = FaultProfile.None;

    public int Seed { get; init; } = 1;

    /// <summary>The company every webhook names as <c>companyID</c> and every rate limit is counted for.</summary>
    public string CompanyId { get; init; } = "605b9829cdd37d296123f4b4";

    /// <summary>The legacy bearer API key (Company Settings → API).</summary>
    public string ApiKey { get; init; } = "ironclad-sim-api-key";

    public string OAuthClientId { get; init; } = "ironclad-sim-client";

    public string OAuthClientSecret { get; init; } = "ironclad-sim-secret";

    /// <summary>
    /// The scopes the company's admin granted the OAuth client (null: every scope). A token request asking for more is
    /// given what was granted and says so in <c>scope</c>, as RFC 6749 §3.3 lets a server do.
    /// </summary>
    public IReadOnlyList<string>? OAuthClientScopes { get; init; }

    /// <summary>How long an OAuth access token lives. Not scaled: a client caches tokens by <c>expires_in</c>.</summary>
    public TimeSpan OAuthTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The company's name, as comment authors show it (<c>author.companyName</c>).</summary>
    public string CompanyName { get; init; } = "ContractBridge Legal";

    /// <summary>The company's users; the first is the creator <see cref="IroncladSimulator.DescribeCredentials"/> prints.</summary>
    public IReadOnlyList<IroncladUser> Users { get; init; } =
    [
        new("5f0375c4cdc1927a3c5edcd3", "contracts@contractbridge.example", "ContractBridge Bot", "Integration"),
        new("63d415e0dd0d828c3a878548", "legal@contractbridge.example", "Lena Legal", "Counsel"),
    ];

    /// <summary>Publish the MSA, NDA and SOW templates of <see cref="SampleTemplates"/> at start.</summary>
    public bool SampleTemplates { get; init; } = true;

    /// <summary>More templates to publish at start, after the samples.</summary>
    public IReadOnlyList<TemplateDefinition> Templates { get; init; } = [];

    /// <summary><c>pub:workflows:write</c>: POST/PATCH/DELETE /workflows* per company per (scaled) minute.</summary>
    public int WorkflowWritesPerMinute { get; init; } = 40;

    /// <summary><c>pub:workflows:read</c>: GET /workflows* per company per (scaled) minute.</summary>
    public int WorkflowReadsPerMinute { get; init; } = 400;

    /// <summary>
    /// The Sign step's routes (<c>/workflows/{id}/sign-status…</c>: the status and reminders), per company per (scaled)
    /// minute: Ironclad's own bucket for them, apart from the workflow reads and writes.
    /// </summary>
    public int SignStatusCallsPerMinute { get; init; } = 50;

    /// <summary>Record reads (GET /records*) per company per (scaled) minute.</summary>
    public int RecordReadsPerMinute { get; init; } = 600;

    /// <summary>Every other API call, per company per (scaled) minute.</summary>
    public int OtherCallsPerMinute { get; init; } = 800;

    /// <summary>Ironclad documents no Retry-After on 429; true adds one (seconds until the window ends, on the scaled clock).</summary>
    public bool SendRetryAfter { get; init; }

    /// <summary>How long an async launch stays "in_progress" (scaled).</summary>
    public TimeSpan AsyncLaunchDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Moves workflows along on their own; null (the default) leaves them where control calls put them.</summary>
    public AutoAdvanceSchedule? AutoAdvance { get; init; }

    /// <summary>
    /// Non-null turns on the seed document's dialect: <c>GET /templates</c>, the <c>{"template":{"id"}}</c> launch body and
    /// <c>workflow.state.changed</c> webhooks signed with an HMAC-SHA256 of this secret.
    /// </summary>
    public string? SeedDialectWebhookSecret { get; init; }

    /// <summary>
    /// Real-world delays before each webhook retry (scaled): Ironclad's developer pages say up to twelve tries over about
    /// three days, 60 s × 2ⁿ apart, so the n-th retry waits 60 s × 2ⁿ (2 min, 4 min, … 34 h): eleven retries, about
    /// 2.8 days after the first try.
    /// </summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; init; } =
        [.. Enumerable.Range(1, 11).Select(n => TimeSpan.FromSeconds(60 * Math.Pow(2, n)))];

    /// <summary>How long a receiver gets to answer one delivery. Not scaled.</summary>
    public TimeSpan WebhookAttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many consecutive failed deliveries ...</summary>
    public int WebhookFailuresBeforeDisable { get; init; } = 100;

    /// <summary>... spread over at least this long (scaled), a webhook becomes <c>disabledBySystem</c>.</summary>
    public TimeSpan WebhookFailurePeriodBeforeDisable { get; init; } = TimeSpan.FromDays(7);

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
