using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Ironclad.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Ironclad;

/// <summary>
/// Typed client for Ironclad's public API. The HttpClient's BaseAddress is the API root (…/public/api/v1/). Every failure
/// becomes an <see cref="UpstreamException"/> carrying Ironclad's error code and param, so callers can tell a schema
/// mismatch (permanent, fix the mapping) from a 429 or 5xx (retry).
/// </summary>
public sealed class IroncladClient(HttpClient http, IIroncladAuth auth)
{
    public bool NeedsCreator => auth.NeedsCreator;

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<IReadOnlyList<IroncladWorkflowSchema>> ListWorkflowSchemasAsync(CancellationToken cancellationToken)
    {
        var page = await GetJsonAsync<SchemaList>("workflow-schemas?form=launch", cancellationToken);
        return page.List ?? [];
    }

    public Task<IroncladWorkflowSchema> GetWorkflowSchemaAsync(string id, CancellationToken cancellationToken) =>
        GetJsonAsync<IroncladWorkflowSchema>($"workflow-schemas/{Uri.EscapeDataString(id)}?form=launch", cancellationToken);

    /// <summary>POST /workflows (synchronous launch). <paramref name="creatorEmail"/> is sent for legacy tokens only.</summary>
    public Task<IroncladWorkflow> LaunchWorkflowAsync(string templateId, JsonObject attributes, string? creatorEmail, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["template"] = templateId,
            ["attributes"] = attributes.DeepClone(),
        };
        if (auth.NeedsCreator && creatorEmail is not null)
        {
            body["creator"] = new JsonObject { ["type"] = "email", ["email"] = creatorEmail };
        }

        return SendJsonAsync<IroncladWorkflow>(HttpMethod.Post, "workflows?useDefaultValues=true", body, cancellationToken);
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
        var query = new StringBuilder("workflows?page=").Append(page.ToString(CultureInfo.InvariantCulture))
            .Append("&pageSize=").Append(pageSize.ToString(CultureInfo.InvariantCulture));
        if (statuses is { Count: > 0 })
        {
            query.Append("&status=").Append(Uri.EscapeDataString(string.Join(',', statuses)));
        }

        if (lastUpdatedSince is { } since)
        {
            query.Append("&lastUpdated=").Append(Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
        }

        if (equalsFilter is { } filter)
        {
            var quoted = filter.Value.Replace("'", "\\'", StringComparison.Ordinal);
            query.Append("&filter=").Append(Uri.EscapeDataString($"Equals([{filter.Attribute}],'{quoted}')"));
        }

        return GetJsonAsync<IroncladWorkflowPage>(query.ToString(), cancellationToken);
    }

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
            throw new UpstreamException(UpstreamService.Ironclad, $"Ironclad: refused to download '{Shorten(downloadPath)}': not on the configured Ironclad host", null, isTransient: false);
        }

        using var response = await SendAsync(HttpMethod.Get, target, null, cancellationToken);
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream");
    }

    public async Task<string> GetVerificationKeyPemAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, new Uri("webhooks/verification-key", UriKind.Relative), null, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IroncladWebhookRegistration>> ListWebhooksAsync(CancellationToken cancellationToken)
    {
        var node = await GetJsonAsync<JsonNode>("webhooks", cancellationToken);
        var list = node is JsonArray array ? array : node?["list"] as JsonArray;
        return list?.Deserialize<List<IroncladWebhookRegistration>>(IroncladJson.Options) ?? [];
    }

    public Task<IroncladWebhookRegistration> CreateWebhookAsync(Uri target, IReadOnlyList<string> events, CancellationToken cancellationToken) =>
        SendJsonAsync<IroncladWebhookRegistration>(HttpMethod.Post, "webhooks", new JsonObject
        {
            ["events"] = new JsonArray([.. events.Select(e => JsonValue.Create(e))]),
            ["targetURL"] = target.ToString(),
            ["status"] = "enabled",
        }, cancellationToken);

    public Task<IroncladWebhookRegistration> UpdateWebhookAsync(string id, IReadOnlyList<string> events, CancellationToken cancellationToken) =>
        SendJsonAsync<IroncladWebhookRegistration>(HttpMethod.Patch, $"webhooks/{Uri.EscapeDataString(id)}", new JsonObject
        {
            ["events"] = new JsonArray([.. events.Select(e => JsonValue.Create(e))]),
            ["status"] = "enabled",
        }, cancellationToken);

    private async Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, new Uri(path, UriKind.Relative), null, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, new Uri(path, UriKind.Relative), body.ToJsonString(IroncladJson.Options), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(IroncladJson.Options, cancellationToken)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException ex)
        {
            throw new UpstreamException(UpstreamService.Ironclad, $"Ironclad {Describe(response.RequestMessage)} answered with JSON we cannot read ({ex.Message})", response.StatusCode, isTransient: true);
        }
    }

    /// <summary>Sends with credentials; a 401 drops the cached OAuth token and tries once more.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string? jsonBody, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(method, uri, jsonBody, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && !auth.NeedsCreator)
        {
            response.Dispose();
            auth.Invalidate();
            response = await SendOnceAsync(method, uri, jsonBody, cancellationToken);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, string? jsonBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        await auth.AuthorizeAsync(request, cancellationToken);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamException(UpstreamService.Ironclad, $"Ironclad {Describe(request)} failed: {ex.Message}", null, isTransient: true, inner: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamException(UpstreamService.Ironclad, $"Ironclad {Describe(request)} timed out", null, isTransient: true, inner: ex);
        }
    }

    private static async Task<UpstreamException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        IroncladError? error = null;
        try
        {
            error = text.Length > 0 ? JsonSerializer.Deserialize<IroncladError>(text, IroncladJson.Options) : null;
        }
        catch (JsonException)
        {
        }

        var retryAfter = response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        var detail = error?.Message ?? Shorten(text);
        var what = Describe(response.RequestMessage);
        var message = status switch
        {
            HttpStatusCode.TooManyRequests => $"Ironclad {what}: 429, over the rate limit",
            HttpStatusCode.Unauthorized => $"Ironclad {what}: 401 ({detail}); check IRONCLAD_API_KEY or the OAuth client",
            HttpStatusCode.Forbidden => $"Ironclad {what}: 403 ({detail}); the token lacks a scope or the user lacks access",
            _ => $"Ironclad {what}: {(int)status} {error?.Code} {detail}".Replace("  ", " ", StringComparison.Ordinal),
        };
        var transient = UpstreamException.IsTransientStatus(status);
        return new UpstreamException(UpstreamService.Ironclad, message, status, transient, retryAfter, error?.Code, error?.Param);
    }

    private static string Describe(HttpRequestMessage? request) =>
        request is null ? "call" : $"{request.Method} {request.RequestUri?.AbsolutePath ?? request.RequestUri?.ToString()}";

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "…";
    }

    private sealed record SchemaList(IReadOnlyList<IroncladWorkflowSchema>? List);
}
