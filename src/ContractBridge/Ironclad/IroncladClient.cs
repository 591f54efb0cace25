using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Ironclad.Api;
using ContractBridge.Upstream;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Ironclad;

/// <summary>
/// Typed client for Ironclad's public API. The HttpClient's BaseAddress is the API root (…/public/api/v1/); its handlers
/// attach the credentials, renew an OAuth token after a 401 and turn every failure into an
/// <see cref="UpstreamException"/> carrying Ironclad's error code and param. <paramref name="auth"/> is here only to
/// know whether launches must name a creator.
/// </summary>
public sealed class IroncladClient(HttpClient http, IIroncladAuth auth)
{
    public bool NeedsCreator => auth.NeedsCreator;

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<IReadOnlyList<IroncladWorkflowSchema>> ListWorkflowSchemasAsync(CancellationToken cancellationToken)
    {
        var page = await GetJsonAsync<SchemaList>(LaunchForm("workflow-schemas"), cancellationToken);
        return page.List ?? [];
    }

    public Task<IroncladWorkflowSchema> GetWorkflowSchemaAsync(string id, CancellationToken cancellationToken) =>
        GetJsonAsync<IroncladWorkflowSchema>(LaunchForm($"workflow-schemas/{Uri.EscapeDataString(id)}"), cancellationToken);

    /// <summary>POST /workflows (synchronous launch). <paramref name="creatorEmail"/> is sent for legacy tokens only.</summary>
    public Task<IroncladWorkflow> LaunchWorkflowAsync(string templateId, JsonObject attributes, string? creatorEmail, CancellationToken cancellationToken)
    {
        var creator = auth.NeedsCreator && creatorEmail is not null ? IroncladCreator.ByEmail(creatorEmail) : null;
        var launch = new IroncladLaunchRequest(templateId, attributes, creator);
        return SendJsonAsync<IroncladWorkflow>(HttpMethod.Post, QueryHelpers.AddQueryString("workflows", "useDefaultValues", "true"), Json(launch), cancellationToken);
    }

    public Task<IroncladWorkflow> GetWorkflowAsync(string id, CancellationToken cancellationToken) =>
        GetJsonAsync<IroncladWorkflow>($"workflows/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>GET /workflows with Ironclad's filters; <paramref name="equalsFilter"/> finds workflows by an attribute value.</summary>
    public Task<IroncladWorkflowPage> ListWorkflowsAsync(
        int page,
        int pageSize,
        IReadOnlyList<string>? statuses,
        DateTimeOffset? lastUpdatedSince,
        (string Attribute, string Value)? equalsFilter,
        CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("page", page.ToString(CultureInfo.InvariantCulture)),
            new("pageSize", pageSize.ToString(CultureInfo.InvariantCulture)),
        };
        if (statuses is { Count: > 0 })
        {
            query.Add(new("status", string.Join(',', statuses)));
        }

        if (lastUpdatedSince is { } since)
        {
            query.Add(new("lastUpdated", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
        }

        if (equalsFilter is { } filter)
        {
            var quoted = filter.Value.Replace("'", "\\'", StringComparison.Ordinal);
            query.Add(new("filter", $"Equals([{filter.Attribute}],'{quoted}')"));
        }

        return GetJsonAsync<IroncladWorkflowPage>(QueryHelpers.AddQueryString("workflows", query), cancellationToken);
    }

    /// <summary>PATCH /workflows/{id}/attributes: sets each attribute (Review step only); answers the updated workflow.</summary>
    public Task<IroncladWorkflow> UpdateAttributesAsync(string workflowId, IReadOnlyList<IroncladAttributeUpdate> updates, string comment, CancellationToken cancellationToken) =>
        SendJsonAsync<IroncladWorkflow>(HttpMethod.Patch, $"workflows/{Uri.EscapeDataString(workflowId)}/attributes", Json(new IroncladAttributesPatch(updates, comment)), cancellationToken);

    /// <summary>GET /records/{id}: a contract record with its properties and contract status.</summary>
    public Task<IroncladRecord> GetRecordAsync(string recordId, CancellationToken cancellationToken) =>
        GetJsonAsync<IroncladRecord>($"records/{Uri.EscapeDataString(recordId)}", cancellationToken);

    public Task<IroncladDocuments> GetDocumentsAsync(string workflowId, CancellationToken cancellationToken) =>
        GetJsonAsync<IroncladDocuments>($"workflows/{Uri.EscapeDataString(workflowId)}/documents", cancellationToken);

    /// <summary>
    /// Downloads a document by the path Ironclad gave. Only paths on the configured Ironclad host are followed: a
    /// document URL is never a way to make the bridge call somewhere else with its credentials.
    /// </summary>
    public async Task<(byte[] Content, string ContentType)> DownloadAsync(string downloadPath, CancellationToken cancellationToken)
    {
        var root = new Uri(BaseAddress.GetLeftPart(UriPartial.Authority));
        if (!Uri.TryCreate(root, downloadPath, out var target) || target.Scheme != root.Scheme || target.Authority != root.Authority)
        {
            throw new UpstreamException(UpstreamService.Ironclad, $"Ironclad: refused to download '{UpstreamText.Shorten(downloadPath)}': not on the configured Ironclad host", null, isTransient: false);
        }

        using var response = await http.GetAsync(target, cancellationToken);
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream");
    }

    /// <summary>GET /workflows/{id}/sign-status: the packet's signers; 400 INVALID_STATE when the workflow is not at the Sign step.</summary>
    public Task<IroncladSignStatus> GetSignStatusAsync(string workflowId, CancellationToken cancellationToken) =>
        GetJsonAsync<IroncladSignStatus>($"workflows/{Uri.EscapeDataString(workflowId)}/sign-status", cancellationToken);

    /// <summary>
    /// POST /workflows/{id}/sign-status/signers/{role}/remind (204): Ironclad emails the signer. It allows one reminder
    /// an hour per signer (429 otherwise) and only while the packet is out (400).
    /// </summary>
    public async Task RemindSignerAsync(string workflowId, string signerRoleName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"workflows/{Uri.EscapeDataString(workflowId)}/sign-status/signers/{Uri.EscapeDataString(signerRoleName)}/remind");
        using var response = await http.SendAsync(request, cancellationToken);
    }

    /// <summary>POST /workflows/{id}/comments. <paramref name="creatorEmail"/> is sent for legacy tokens only.</summary>
    public Task<IroncladComment> AddCommentAsync(string workflowId, string comment, string? creatorEmail, CancellationToken cancellationToken)
    {
        var creator = auth.NeedsCreator && creatorEmail is not null ? IroncladCreator.ByEmail(creatorEmail) : null;
        return SendJsonAsync<IroncladComment>(HttpMethod.Post, $"workflows/{Uri.EscapeDataString(workflowId)}/comments", Json(new IroncladCommentRequest(comment, creator)), cancellationToken);
    }

    /// <summary>The workflow's comments, page by page (100 to a page, at most <paramref name="maxPages"/> pages).</summary>
    public async Task<IReadOnlyList<IroncladComment>> ListCommentsAsync(string workflowId, int maxPages, CancellationToken cancellationToken)
    {
        const int pageSize = 100;
        var comments = new List<IroncladComment>();
        for (var page = 0; page < maxPages; page++)
        {
            var path = QueryHelpers.AddQueryString($"workflows/{Uri.EscapeDataString(workflowId)}/comments", new Dictionary<string, string?>
            {
                ["page"] = page.ToString(CultureInfo.InvariantCulture),
                ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            });
            var list = (await GetJsonAsync<CommentList>(path, cancellationToken)).List ?? [];
            comments.AddRange(list);
            if (list.Count < pageSize)
            {
                break;
            }
        }

        return comments;
    }

    /// <summary>GET /workflows/{id}/approvals: the triggered approvals and the users assigned to their roles.</summary>
    public Task<IroncladApprovals> GetApprovalsAsync(string workflowId, CancellationToken cancellationToken) =>
        GetJsonAsync<IroncladApprovals>($"workflows/{Uri.EscapeDataString(workflowId)}/approvals", cancellationToken);

    /// <summary>The workflow's turn history, page by page (100 to a page, at most <paramref name="maxPages"/> pages).</summary>
    public async Task<IReadOnlyList<IroncladTurn>> ListTurnHistoryAsync(string workflowId, int maxPages, CancellationToken cancellationToken)
    {
        const int pageSize = 100;
        var turns = new List<IroncladTurn>();
        for (var page = 0; page < maxPages; page++)
        {
            var path = QueryHelpers.AddQueryString($"workflows/{Uri.EscapeDataString(workflowId)}/turn-history", new Dictionary<string, string?>
            {
                ["page"] = page.ToString(CultureInfo.InvariantCulture),
                ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            });
            var list = (await GetJsonAsync<TurnList>(path, cancellationToken)).List ?? [];
            turns.AddRange(list);
            if (list.Count < pageSize)
            {
                break;
            }
        }

        return turns;
    }

    /// <summary>POST /workflows/{id}/cancel with the comment Ironclad requires (204).</summary>
    public Task CancelWorkflowAsync(string workflowId, string comment, CancellationToken cancellationToken) =>
        SendAsync($"workflows/{Uri.EscapeDataString(workflowId)}/cancel", Json(IroncladActionRequest.WithMessage(comment)), cancellationToken);

    /// <summary>POST /workflows/{id}/pause with the comment Ironclad requires (204); only workflows in Review can be paused.</summary>
    public Task PauseWorkflowAsync(string workflowId, string comment, CancellationToken cancellationToken) =>
        SendAsync($"workflows/{Uri.EscapeDataString(workflowId)}/pause", Json(IroncladActionRequest.WithMessage(comment)), cancellationToken);

    public Task<string> GetVerificationKeyPemAsync(CancellationToken cancellationToken) =>
        http.GetStringAsync("webhooks/verification-key", cancellationToken);

    /// <summary>
    /// Every webhook registration, page by page (GET /webhooks?page=&amp;pageSize=100: Ironclad's largest page; its
    /// default is 20 and its answer carries no total, so a short page is the last). At most <paramref name="maxPages"/> pages.
    /// </summary>
    public async Task<IReadOnlyList<IroncladWebhookRegistration>> ListWebhooksAsync(CancellationToken cancellationToken, int maxPages = 50)
    {
        const int pageSize = 100;
        var registrations = new List<IroncladWebhookRegistration>();
        for (var page = 0; page < maxPages; page++)
        {
            var path = QueryHelpers.AddQueryString("webhooks", new Dictionary<string, string?>
            {
                ["page"] = page.ToString(CultureInfo.InvariantCulture),
                ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            });
            var node = await GetJsonAsync<JsonNode>(path, cancellationToken);
            var list = (node is JsonArray array ? array : node?["list"] as JsonArray)?.Deserialize<List<IroncladWebhookRegistration>>(IroncladJson.Options) ?? [];
            registrations.AddRange(list);
            if (node is JsonArray || list.Count < pageSize)
            {
                break;
            }
        }

        return registrations;
    }

    public Task<IroncladWebhookRegistration> CreateWebhookAsync(Uri target, IReadOnlyList<string> events, CancellationToken cancellationToken) =>
        SendJsonAsync<IroncladWebhookRegistration>(HttpMethod.Post, "webhooks", Json(new IroncladWebhookRequest(events, target.ToString(), "enabled")), cancellationToken);

    public Task<IroncladWebhookRegistration> UpdateWebhookAsync(string id, IReadOnlyList<string> events, CancellationToken cancellationToken) =>
        SendJsonAsync<IroncladWebhookRegistration>(HttpMethod.Patch, $"webhooks/{Uri.EscapeDataString(id)}", Json(new IroncladWebhookRequest(events, null, "enabled")), cancellationToken);

    /// <summary>Schemas as the launch form sees them (the attributes a launch may set).</summary>
    private static string LaunchForm(string path) => QueryHelpers.AddQueryString(path, "form", "launch");

    private async Task<T> GetJsonAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(pathAndQuery, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string pathAndQuery, HttpContent body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = body };
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>A POST whose success has no body to read (204).</summary>
    private async Task SendAsync(string path, HttpContent body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        using var response = await http.SendAsync(request, cancellationToken);
    }

    /// <summary>A request body as buffered JSON, so it goes with a Content-Length rather than chunked.</summary>
    private static StringContent Json<TBody>(TBody body) =>
        new(JsonSerializer.Serialize(body, IroncladJson.Options), Encoding.UTF8, "application/json");

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(IroncladJson.Options, cancellationToken)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException ex)
        {
            throw new UpstreamException(UpstreamService.Ironclad, $"Ironclad {UpstreamText.Describe(response.RequestMessage)} answered with JSON we cannot read ({ex.Message})", response.StatusCode, isTransient: true);
        }
    }

    private sealed record SchemaList(IReadOnlyList<IroncladWorkflowSchema>? List);

    private sealed record CommentList(IReadOnlyList<IroncladComment>? List);

    private sealed record TurnList(IReadOnlyList<IroncladTurn>? List);
}
