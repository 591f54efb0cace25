namespace ContractBridge.Configuration;

public sealed class KommoOptions
{
    /// <summary>The API root, e.g. https://acme.kommo.com/api/v4.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>A long-lived token (private integration). Either this or <see cref="OAuth"/>.</summary>
    public string? AccessToken { get; set; }

    public KommoOAuthOptions? OAuth { get; set; }

    /// <summary>Kommo's consent page, where /setup sends an admin to authorize the integration (amoCRM: https://www.amocrm.ru/oauth).</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://www.kommo.com/oauth");

    /// <summary>
    /// The account hosts an OAuth callback's <c>referer</c> may name, where the code is exchanged: <c>*.domain</c> for
    /// any subdomain over https, or an exact origin such as <c>http://127.0.0.1:5000</c> (a simulator).
    /// </summary>
    public List<string> AccountHosts { get; set; } = ["*.kommo.com", "*.amocrm.ru", "*.amocrm.com"];

    /// <summary>The secret in the webhook URL (/webhooks/kommo/{secret}): Kommo does not sign its webhooks.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Kommo allows 7 requests a second per integration.</summary>
    public RateLimitOptions RateLimit { get; set; } = RateLimitOptions.PerSecond(7);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long notes, tasks and stage moves wait for company before one batch call writes them all, while a write of
    /// their kind is in flight: a few seconds of delay on a note nobody watches for, against a call per deal when many
    /// deals move at once (at 40 launches a second, 5 s gathers 200 notes of the 250 a call takes; 1 s gathered 40, and a
    /// burst's life cost 0.106 note calls a deal instead of 0.031). With none in flight a write goes at once (the engine's
    /// group commit), so a lone deal waits for nothing, and <see cref="WriteBatchQuiet"/> ends the wait when writes stop.
    /// </summary>
    public TimeSpan WriteBatchLinger { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Ends that wait early once no new write has come for this long: while deals stream in, batches fill for the whole
    /// linger; the last writes of a burst, and a lone note, go out without waiting the rest of it.
    /// </summary>
    public TimeSpan WriteBatchQuiet { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long edits of a deal (update_lead, and of its contact or company) are gathered before the workflow is read
    /// and patched once: a rep saving three fields in a row costs one PATCH, not three.
    /// </summary>
    public TimeSpan EditSyncDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The account's web root (https://acme.kommo.com), for links to deals; derived from <see cref="BaseUrl"/>.</summary>
    public Uri? AccountUrl => BaseUrl is null ? null : new Uri(BaseUrl.GetLeftPart(UriPartial.Authority));
}

/// <summary>Kommo OAuth2 (public integrations): access tokens live 24 h; refresh tokens are single-use.</summary>
public sealed class KommoOAuthOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    public string RedirectUri { get; set; } = string.Empty;

    /// <summary>The first refresh token; used only until the bridge has stored a newer one.</summary>
    public string RefreshToken { get; set; } = string.Empty;

    /// <summary>Refresh this long before the access token expires.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(10);
}
