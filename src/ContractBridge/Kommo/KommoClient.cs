using System.Globalization;
using System.Net;
using System.Text.Json;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Kommo;

/// <summary>
/// Typed client for Kommo API v4. Reads many entities per request (<c>filter[id][]</c>, up to 250) and writes in batches,
/// because Kommo allows 7 requests a second. The HttpClient's BaseAddress is the API root (…/api/v4/); its handlers
/// attach the token, renew it after a 401 and turn every failure into an <see cref="UpstreamException"/> that says
/// whether a retry can help, so this class only says what to call and how to read the answer.
/// </summary>
public sealed partial class KommoClient(HttpClient http, IKommoAccountAddress? address = null, IKommoWriteObserver? writes = null)
{
    /// <summary>Kommo's page size limit, and the most items one batch write takes.</summary>
    public const int MaxPerRequest = 250;

    /// <summary>A bound on paging, so a runaway answer cannot keep a job busy for ever.</summary>
    private const int MaxPages = 40;

    private const string IdFilter = "filter[id][]";
    private const string EntityIdFilter = "filter[entity_id][]";

    public async Task<KommoAccount> GetAccountAsync(bool withDriveUrl, CancellationToken cancellationToken)
    {
        var path = withDriveUrl ? QueryHelpers.AddQueryString("account", "with", "drive_url") : "account";
        var account = await GetJsonAsync<KommoAccount>(path, cancellationToken);
        return account ?? throw Unexpected("GET account answered with no body");
    }

    public async Task<IReadOnlyList<KommoPipeline>> GetPipelinesAsync(CancellationToken cancellationToken)
    {
        var page = await GetJsonAsync<EmbeddedList<PipelinesEmbedded>>("leads/pipelines", cancellationToken);
        return page?.Embedded?.Pipelines ?? [];
    }

    /// <summary>Leads by id, with their contact and company links; ids Kommo does not know are simply absent.</summary>
    public Task<IReadOnlyList<KommoLead>> GetLeadsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        GetManyAsync<LeadsEmbedded, KommoLead>("leads", IdFilter, ids, [Pair("with", "contacts")], e => e.Leads, cancellationToken);

    public Task<IReadOnlyList<KommoContact>> GetContactsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        GetManyAsync<ContactsEmbedded, KommoContact>("contacts", IdFilter, ids, [], e => e.Contacts, cancellationToken);

    public Task<IReadOnlyList<KommoCompany>> GetCompaniesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        GetManyAsync<CompaniesEmbedded, KommoCompany>("companies", IdFilter, ids, [], e => e.Companies, cancellationToken);

    /// <summary>The leads a contact or company is linked to (<c>GET /contacts/{id}?with=leads</c>); none when it no longer exists.</summary>
    public async Task<IReadOnlyList<long>> GetLinkedLeadIdsAsync(string entityPath, long id, CancellationToken cancellationToken)
    {
        var path = QueryHelpers.AddQueryString($"{entityPath}/{id.ToString(CultureInfo.InvariantCulture)}", "with", "leads");
        var entity = await GetJsonAsync<EmbeddedList<LinkedLeads>>(path, cancellationToken);
        return entity?.Embedded?.Leads?.Select(l => l.Id).ToList() ?? [];
    }

    /// <summary>Common notes on these leads (to find out whether a note was written before a lost answer).</summary>
    public Task<IReadOnlyList<KommoNote>> GetNotesAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken) =>
        GetManyAsync<NotesEmbedded, KommoNote>("leads/notes", EntityIdFilter, leadIds, [], e => e.Notes, cancellationToken);

    public Task<IReadOnlyList<KommoTask>> GetTasksAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken) =>
        GetManyAsync<TasksEmbedded, KommoTask>("tasks", EntityIdFilter, leadIds, [Pair("filter[entity_type]", "leads")], e => e.Tasks, cancellationToken);

    /// <summary>
    /// Batch writes, 250 items to a request. Kommo refuses a request whole when any item is invalid; the
    /// <see cref="UpstreamException.RefusedItems"/> of that 400 name the invalid items by their request_id.
    /// </summary>
    public Task AddNotesAsync(IReadOnlyList<KommoNewNote> notes, CancellationToken cancellationToken) =>
        WriteInChunksAsync(HttpMethod.Post, "leads/notes", notes, cancellationToken);

    public Task AddTasksAsync(IReadOnlyList<KommoNewTask> tasks, CancellationToken cancellationToken) =>
        WriteInChunksAsync(HttpMethod.Post, "tasks", tasks, cancellationToken);

    public Task UpdateLeadsAsync(IReadOnlyList<KommoLeadUpdate> updates, CancellationToken cancellationToken) =>
        WriteInChunksAsync(HttpMethod.Patch, "leads", updates, cancellationToken);

    /// <summary>Every user of the account, page by page (names for who moved a deal or wrote a note).</summary>
    public Task<IReadOnlyList<KommoUser>> GetUsersAsync(CancellationToken cancellationToken) =>
        GetAllPagesAsync<UsersEmbedded, KommoUser>("users", e => e.Users, cancellationToken);

    public Task<IReadOnlyList<KommoLossReason>> GetLossReasonsAsync(CancellationToken cancellationToken) =>
        GetAllPagesAsync<LossReasonsEmbedded, KommoLossReason>("leads/loss_reasons", e => e.LossReasons, cancellationToken);

    public async Task<IReadOnlyList<KommoWebhookRegistration>> GetWebhooksAsync(CancellationToken cancellationToken)
    {
        var page = await GetJsonAsync<EmbeddedList<WebhooksEmbedded>>("webhooks", cancellationToken);
        return page?.Embedded?.Webhooks ?? [];
    }

    public async Task<KommoWebhookRegistration> RegisterWebhookAsync(Uri destination, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("webhooks", new KommoNewWebhook(destination.ToString(), settings, Sort: 10), KommoJson.Options, cancellationToken);
        return await ReadJsonAsync<KommoWebhookRegistration>(response, cancellationToken)
            ?? throw Unexpected("POST webhooks answered with no body");
    }

    /// <summary>
    /// Every entity of <paramref name="ids"/> (<paramref name="filterKey"/> repeated, 250 to a request) with
    /// <paramref name="extra"/> query parameters.
    /// </summary>
    private async Task<IReadOnlyList<TItem>> GetManyAsync<TEmbedded, TItem>(
        string path,
        string filterKey,
        IReadOnlyCollection<long> ids,
        KeyValuePair<string, string?>[] extra,
        Func<TEmbedded, IReadOnlyList<TItem>?> items,
        CancellationToken cancellationToken)
        where TEmbedded : class
    {
        var result = new List<TItem>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(MaxPerRequest))
        {
            var query = QueryHelpers.AddQueryString(path, [Pair("limit", MaxPerRequest), .. chunk.Select(id => Pair(filterKey, id)), .. extra]);

            // Lookups by id fit on one page; notes and tasks of many leads may need more.
            for (var page = 1; page <= MaxPages; page++)
            {
                var found = await GetJsonAsync<EmbeddedList<TEmbedded>>(QueryHelpers.AddQueryString(query, "page", page.ToString(CultureInfo.InvariantCulture)), cancellationToken) is { Embedded: { } embedded }
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

    private async Task<IReadOnlyList<TItem>> GetAllPagesAsync<TEmbedded, TItem>(string path, Func<TEmbedded, IReadOnlyList<TItem>?> items, CancellationToken cancellationToken)
        where TEmbedded : class
    {
        var result = new List<TItem>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var query = QueryHelpers.AddQueryString(path, [Pair("limit", MaxPerRequest), Pair("page", page)]);
            var found = await GetJsonAsync<EmbeddedList<TEmbedded>>(query, cancellationToken) is { Embedded: { } embedded } ? items(embedded) ?? [] : [];
            result.AddRange(found);
            if (found.Count < MaxPerRequest)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>Tells the observer (the deals' stories) what Kommo has just accepted.</summary>
    private Task WrittenAsync<T>(T[] chunk, CancellationToken cancellationToken)
        where T : IKommoBatchItem =>
        writes is null ? Task.CompletedTask : writes.WrittenAsync([.. chunk.Cast<IKommoBatchItem>()], cancellationToken);

    private async Task WriteInChunksAsync<T>(HttpMethod method, string path, IReadOnlyList<T> items, CancellationToken cancellationToken)
        where T : IKommoBatchItem
    {
        foreach (var chunk in items.Chunk(MaxPerRequest))
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(chunk, options: KommoJson.Options) };
            using var response = await http.SendAsync(request, cancellationToken);
            await WrittenAsync(chunk, cancellationToken);
        }
    }

    /// <summary>GET that reads Kommo's "204 No Content" (an empty list) as null.</summary>
    private async Task<T?> GetJsonAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(pathAndQuery, cancellationToken);
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
            throw Unexpected($"{UpstreamText.Describe(response.RequestMessage)} answered with JSON we cannot read ({ex.Message})");
        }
    }

    private static KeyValuePair<string, string?> Pair(string key, string value) => new(key, value);

    private static KeyValuePair<string, string?> Pair(string key, long value) => new(key, value.ToString(CultureInfo.InvariantCulture));

    private static UpstreamException Unexpected(string what) =>
        new(UpstreamService.Kommo, $"Kommo: {what}", null, isTransient: true);

    private sealed record EmbeddedList<T>([property: System.Text.Json.Serialization.JsonPropertyName("_embedded")] T? Embedded);

    private sealed record LeadsEmbedded(IReadOnlyList<KommoLead>? Leads);

    private sealed record ContactsEmbedded(IReadOnlyList<KommoContact>? Contacts);

    private sealed record CompaniesEmbedded(IReadOnlyList<KommoCompany>? Companies);

    private sealed record NotesEmbedded(IReadOnlyList<KommoNote>? Notes);

    private sealed record TasksEmbedded(IReadOnlyList<KommoTask>? Tasks);

    private sealed record PipelinesEmbedded(IReadOnlyList<KommoPipeline>? Pipelines);

    private sealed record LinkedLeads(IReadOnlyList<KommoEntityLink>? Leads);

    private sealed record WebhooksEmbedded(IReadOnlyList<KommoWebhookRegistration>? Webhooks);

    private sealed record UsersEmbedded(IReadOnlyList<KommoUser>? Users);

    private sealed record LossReasonsEmbedded(IReadOnlyList<KommoLossReason>? LossReasons);
}
