using ContractBridge.Simulators.Common;

namespace ContractBridge.Simulators.Kommo;

/// <summary>
/// How the Kommo simulator starts. Defaults are Kommo's own numbers (7 req/s per integration, 50 req/s per account,
/// 24 h access tokens, webhook retries after about 5 min / 15 min / 1 h, a webhook disabled after more than 100 invalid
/// answers in 2 hours). Durations marked "scaled" are divided by <see cref="TimeScale"/>.
/// </summary>
public sealed record KommoSimulatorOptions
{
    /// <summary>The port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How much faster than real time rate-limit windows, blocks and webhook retries run.</summary>
    public double TimeScale { get; init; } = 1.0;

    public FaultProfile Faults { get; init; } = FaultProfile.None;

    /// <summary>Seeds the fault draws, so the same seed and request order inject the same faults.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Seeds a realistic account at start ("Sales" pipeline with a "Send contract" stage, users, companies, contacts,
    /// leads). Off here so tests start from an empty account; the runnable program turns it on.
    /// </summary>
    public bool SampleData { get; init; }

    public string Subdomain { get; init; } = "acme";

    public long AccountId { get; init; } = 29_000_001;

    public string AccountName { get; init; } = "Acme Inc.";

    public string Currency { get; init; } = "USD";

    /// <summary>
    /// The account's time zone (an IANA id), as <c>GET /account?with=datetime_settings</c> reports it; a date custom field
    /// holds midnight of its day in this zone.
    /// </summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The long-lived token of the account's private integration (Kommo lets these live up to 5 years).</summary>
    public string LongLivedToken { get; init; } = "kommo-sim-long-lived-token";

    public string ClientId { get; init; } = "5b2a7c1e-8d3f-4e6a-9b0c-1d2e3f4a5b6c";

    public string ClientSecret { get; init; } = "kommo-sim-client-secret";

    /// <summary>A refresh token valid at start, as if an admin had just authorized the integration.</summary>
    public string InitialRefreshToken { get; init; } = "kommo-sim-refresh-token";

    public string RedirectUri { get; init; } = "http://localhost:8080/oauth/kommo/callback";

    /// <summary>How long an OAuth access token is valid on the simulator clock. Not scaled: it is what expires_in says.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The scopes the OAuth integration was created with (Kommo: crm, files, files_delete, notifications,
    /// push_notifications), named in every access token's <c>scopes</c> claim.
    /// </summary>
    public IReadOnlyList<string> IntegrationScopes { get; init; } = ["crm", "files", "files_delete", "notifications", "push_notifications"];

    /// <summary>Requests per second one integration (one token or OAuth client) may make.</summary>
    public int IntegrationRequestsPerSecond { get; init; } = 7;

    /// <summary>Requests per second the whole account may take, across every integration.</summary>
    public int AccountRequestsPerSecond { get; init; } = 50;

    /// <summary>The account is blocked once it has been answered this many 429s within <see cref="BlockWindow"/>.</summary>
    public int BlockAfterTooManyRequests { get; init; } = 100;

    /// <summary>The window in which 429s count towards a block. Scaled.</summary>
    public TimeSpan BlockWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a block lasts; null keeps it until the control API unblocks (as Kommo support does). Scaled.</summary>
    public TimeSpan? BlockDuration { get; init; }

    /// <summary>Real-world delays before the 2nd, 3rd, ... webhook delivery attempt. Scaled.</summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; init; } =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>How long a webhook receiver gets to answer. Not scaled: it models the network.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A webhook is disabled when it has given more than this many invalid answers within <see cref="WebhookFailureWindow"/>.</summary>
    public int WebhookDisableAfterFailures { get; init; } = 100;

    /// <summary>Scaled.</summary>
    public TimeSpan WebhookFailureWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The drive's largest accepted part (Kommo: 512 KiB).</summary>
    public int DriveMaxPartSize { get; init; } = 512 * 1024;

    /// <summary>The drive's largest accepted file.</summary>
    public long DriveMaxFileSize { get; init; } = 100L * 1024 * 1024;
}
