namespace ContractBridge.Configuration;

public sealed class IroncladOptions
{
    /// <summary>The API root, e.g. https://na1.ironcladapp.com/public/api/v1.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>A legacy API token; launches then carry <see cref="CreatorEmail"/> as the creator.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The Ironclad user who launches workflows (legacy token: the creator; OAuth: x-as-user-email).</summary>
    public string? CreatorEmail { get; set; }

    public IroncladOAuthOptions? OAuth { get; set; }

    /// <summary>The seed dialect's HMAC secret; when set, <c>X-Ironclad-Signature</c> webhooks are accepted too.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>pub:workflows:write, per company.</summary>
    public RateLimitOptions WriteRateLimit { get; set; } = RateLimitOptions.PerMinute(40);

    /// <summary>pub:workflows:read, per company.</summary>
    public RateLimitOptions ReadRateLimit { get; set; } = RateLimitOptions.PerMinute(400);

    /// <summary>The Sign step's routes (<c>/workflows/{id}/sign-status…</c>: signers and reminders), per company: a bucket of their own.</summary>
    public RateLimitOptions SignStatusRateLimit { get; set; } = RateLimitOptions.PerMinute(50);

    /// <summary>Record reads (GET /records*), per company.</summary>
    public RateLimitOptions RecordReadRateLimit { get; set; } = RateLimitOptions.PerMinute(600);

    /// <summary>
    /// Ironclad makes a contract's records a little after it is executed: while an executed workflow's recordIds is still
    /// empty it is read again after this long, doubling each time, for up to <see cref="RecordWait"/>.
    /// </summary>
    public TimeSpan RecordRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after execution the bridge keeps looking for a workflow's records before it gives up.</summary>
    public TimeSpan RecordWait { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Everything else (schemas, webhooks, documents), per company.</summary>
    public RateLimitOptions OtherRateLimit { get; set; } = RateLimitOptions.PerMinute(800);

    /// <summary>Template ids change on re-publish: names are resolved again after this long, or at once on NOT_FOUND.</summary>
    public TimeSpan TemplateCacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The least time between two fetches of the webhook verification key caused by a failed check.</summary>
    public TimeSpan VerificationKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The web root (https://na1.ironcladapp.com), for workflow links; derived from <see cref="BaseUrl"/>.</summary>
    public Uri? WebUrl => BaseUrl is null ? null : new Uri(BaseUrl.GetLeftPart(UriPartial.Authority));
}

/// <summary>OAuth2 client credentials; calls then act as <see cref="IroncladOptions.CreatorEmail"/> (x-as-user-email).</summary>
public sealed class IroncladOAuthOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    public string Scopes { get; set; } =
        "public.workflows.readSchemas public.workflows.createWorkflows public.workflows.readWorkflows public.workflows.readDocuments "
        + "public.workflows.updateWorkflows public.workflows.cancel public.workflows.pauseAndResume public.workflows.createComments "
        + "public.workflows.readComments public.workflows.readApprovals public.workflows.readTurnHistory public.workflows.readSignStatus public.workflows.remindSigners "
        + "public.records.readRecords public.webhooks.createWebhooks public.webhooks.readWebhooks public.webhooks.updateWebhooks";
}
