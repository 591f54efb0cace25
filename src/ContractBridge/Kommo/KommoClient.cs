using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Kommo;

/// <summary>
/// Typed client for Kommo API v4. Reads many entities per request (<c>filter[id][]</c>, up to 250) and writes in batches,
/// because Kommo allows 7 requests a second. Every failure becomes an <see cref="UpstreamException"/> that says whether a
/// retry can help. The HttpClient's BaseAddress is the API root (…/api/v4/).
/// </summary>
public sealed partial class KommoClient(HttpClient http, IKommoAccessTokens tokens)
{
    /// <summary>Kommo's page size limit, and the most items one batch write takes.</summary>
    public const int MaxPerRequest = 250;

    /// <summary>A bound on paging, so a runaway answer cannot keep a job busy for ever.</summary>
    private const int MaxPages = 40;

    public async Task<KommoAccount> GetAccountAsync(bool withDriveUrl, CancellationToken cancellationToken)
    {
        var account = await GetJsonAsync<KommoAccount>(withDriveUrl ? "account?with=drive_url" : "account", cancellationToken);
        return account ?? throw Unexpected("GET account answered with no body");
    }

    public async Task<IReadOnlyList<KommoPipeline>> GetPipelinesAsync(CancellationToken cancellationToken)
    {
        var page = await GetJsonAsync<EmbeddedList<PipelinesEmbedded>>("leads/pipelines", cancellationToken);
        return page?.Embedded?.Pipelines ?? [];
    }

    /// <summary>Leads by id, with their contact and company links; ids Kommo does not know are simply absent.</summary>
    public Task<IReadOnlyList<KommoLead>> GetLeadsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        GetManyAsync<LeadsEmbedded, KommoLead>("leads", ids, "with=contacts", e => e.Leads, cancellationToken);

    public Task<IReadOnlyList<KommoContact>> GetContactsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        GetManyAsync<ContactsEmbedded, KommoContact>("contacts", ids, null, e => e.Contacts, cancellationToken);

    public Task<IReadOnlyList<KommoCompany>> GetCompaniesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        GetManyAsync<CompaniesEmbedded, KommoCompany>("companies", ids, null, e => e.Companies, cancellationToken);

    /// <summary>Common notes on these leads (to find out whether a note was written before a lost answer).</summary>
    public Task<IReadOnlyList<KommoNote>> GetNotesAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken) =>
        GetManyAsync<NotesEmbedded, KommoNote>("leads/notes", leadIds, null, e => e.Notes, cancellationToken, "filter[entity_id][]");

    public Task<IReadOnlyList<KommoTask>> GetTasksAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken) =>
        GetManyAsync<TasksEmbedded, KommoTask>("tasks", leadIds, "filter[entity_type]=leads", e => e.Tasks, cancellationToken, "filter[entity_id][]");

    public Task AddNotesAsync(IReadOnlyList<KommoNewNote> notes, CancellationToken cancellationToken) =>
        WriteInChunksAsync(HttpMethod.Post, "leads/notes", notes, cancellationToken);

    public Task AddTasksAsync(IReadOnlyList<KommoNewTask> tasks, CancellationToken cancellationToken) =>
        WriteInChunksAsync(HttpMethod.Post, "tasks", tasks, cancellationToken);

    public Task UpdateLeadsAsync(IReadOnlyList<KommoLeadUpdate> updates, CancellationToken cancellationToken) =>
        WriteInChunksAsync(HttpMethod.Patch, "leads", updates, cancellationToken);

    public async Task<IReadOnlyList<KommoWebhookRegistration>> GetWebhooksAsync(CancellationToken cancellationToken)
    {
        var page = await GetJsonAsync<EmbeddedList<WebhooksEmbedded>>("webhooks", cancellationToken);
        return page?.Embedded?.Webhooks ?? [];
    }

    public async Task<KommoWebhookRegistration> RegisterWebhookAsync(Uri destination, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        var body = new { destination = destination.ToString(), settings, sort = 10 };
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "webhooks") { Content = JsonContent.Create(body, options: KommoJson.Options) }, cancellationToken);
        return await ReadJsonAsync<KommoWebhookRegistration>(response, cancellationToken)
            ?? throw Unexpected("POST webhooks answered with no body");
    }

    private async Task<IReadOnlyList<TItem>> GetManyAsync<TEmbedded, TItem>(
        string path,
        IReadOnlyCollection<long> ids,
        string? extraQuery,
        Func<TEmbedded, IReadOnlyList<TItem>?> items,
        CancellationToken cancellationToken,
        string filterKey = "filter[id][]")
        where TEmbedded : class
    {
        var result = new List<TItem>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(MaxPerRequest))
        {
            var query = new StringBuilder(path).Append("?limit=").Append(MaxPerRequest);
            foreach (var id in chunk)
            {
                query.Append('&').Append(filterKey).Append('=').Append(id.ToString(CultureInfo.InvariantCulture));
            }

            if (extraQuery is not null)
            {
                query.Append('&').Append(extraQuery);
            }

            // Lookups by id fit on one page; notes and tasks of many leads may need more.
            for (var page = 1; page <= MaxPages; page++)
            {
                var found = await GetJsonAsync<EmbeddedList<TEmbedded>>($"{query}&page={page}", cancellationToken) is { Embedded: { } embedded }
                    ? items(embedded) ?? []
                    : [];
                result.AddRange(found);
                if (found.Count < MaxPerRequest)
                {
                    break;
                }
            }
        }

        return result;
    }

    private async Task WriteInChunksAsync<T>(HttpMethod method, string path, IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(MaxPerRequest))
        {
            using var response = await SendAsync(() => new HttpRequestMessage(method, path) { Content = JsonContent.Create(chunk, options: KommoJson.Options) }, cancellationToken);
        }
    }

    /// <summary>GET that reads Kommo's "204 No Content" (an empty list) as null.</summary>
    private async Task<T?> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        return await ReadJsonAsync<T>(response, cancellationToken);
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(KommoJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw Unexpected($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered with JSON we cannot read ({ex.Message})");
        }
    }

    /// <summary>Sends with the current token; on 401 asks for a renewed token once and sends again.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        var response = await SendOnceAsync(build, token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && await tokens.RenewAfterRejectionAsync(token, cancellationToken) is { } renewed)
        {
            response.Dispose();
            response = await SendOnceAsync(build, renewed, cancellationToken);
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

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> build, string token, CancellationToken cancellationToken)
    {
        using var request = build();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var what = $"{request.Method} {StripQuery(request.RequestUri?.ToString() ?? string.Empty)}";
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamException(UpstreamService.Kommo, $"Kommo {what} failed: {ex.Message}", null, isTransient: true, inner: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamException(UpstreamService.Kommo, $"Kommo {what} timed out", null, isTransient: true, inner: ex);
        }
    }

    private static string StripQuery(string path) => path.Split('?')[0];

    private static UpstreamException Unexpected(string what) =>
        new(UpstreamService.Kommo, $"Kommo: {what}", null, isTransient: true);

    private sealed record EmbeddedList<T>([property: System.Text.Json.Serialization.JsonPropertyName("_embedded")] T? Embedded);

    private sealed record LeadsEmbedded(IReadOnlyList<KommoLead>? Leads);

    private sealed record ContactsEmbedded(IReadOnlyList<KommoContact>? Contacts);

    private sealed record CompaniesEmbedded(IReadOnlyList<KommoCompany>? Companies);

    private sealed record NotesEmbedded(IReadOnlyList<KommoNote>? Notes);

    private sealed record TasksEmbedded(IReadOnlyList<KommoTask>? Tasks);

    private sealed record PipelinesEmbedded(IReadOnlyList<KommoPipeline>? Pipelines);

    private sealed record WebhooksEmbedded(IReadOnlyList<KommoWebhookRegistration>? Webhooks);

}
