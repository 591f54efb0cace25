using System.Globalization;
using ContractBridge.Kommo.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Kommo;

/// <summary>
/// What sits in, and what entered, a set of stages: the reconciler's reads. Both page until a short page; the event feed
/// gives at most 100 entries a page (amoCRM documents 100 for events), leads 250.
/// </summary>
public sealed partial class KommoClient
{
    public const int MaxEventsPerPage = 100;

    /// <summary>How many pages one read may take (25,000 leads, 10,000 entries): a bound, not an expected size.</summary>
    private const int MaxStagePages = 100;

    /// <summary>
    /// Stage entries into <paramref name="stages"/> created from <paramref name="from"/> on. No upper bound: Kommo's clock
    /// may run ahead of ours, and an entry made while the pages are read shifts the newest-first pages so one is seen twice, never missed.
    /// </summary>
    public async Task<IReadOnlyList<KommoEvent>> GetStageEntriesAsync(IReadOnlyList<KommoStage> stages, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            Pair("filter[type]", "lead_status_changed"),
            Pair("filter[entity]", "lead"),
            Pair("filter[created_at][from]", from.ToUnixTimeSeconds()),
        };
        query.AddRange(StageFilter("filter[value_after][leads_statuses]", stages));
        var entries = await GetPagesAsync<EventsEmbedded, KommoEvent>("events", query, MaxEventsPerPage, e => e.Events, cancellationToken);
        return entries.Where(e => e.EnteredStage is not null).ToList();
    }

    /// <summary>The leads now in <paramref name="stages"/>; with <paramref name="updatedFrom"/>, only those changed since.</summary>
    public Task<IReadOnlyList<KommoLead>> GetLeadsInStagesAsync(IReadOnlyList<KommoStage> stages, DateTimeOffset? updatedFrom, CancellationToken cancellationToken)
    {
        var query = StageFilter("filter[statuses]", stages).ToList();
        if (updatedFrom is { } since)
        {
            query.Add(Pair("filter[updated_at][from]", since.ToUnixTimeSeconds()));
        }

        return GetPagesAsync<LeadsEmbedded, KommoLead>("leads", query, MaxPerRequest, e => e.Leads, cancellationToken);
    }

    private static IEnumerable<KeyValuePair<string, string?>> StageFilter(string name, IReadOnlyList<KommoStage> stages) =>
        stages.SelectMany((stage, i) => new[]
        {
            Pair(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}][pipeline_id]"), stage.PipelineId),
            Pair(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}][status_id]"), stage.StatusId),
        });

    private async Task<IReadOnlyList<TItem>> GetPagesAsync<TEmbedded, TItem>(
        string path,
        IReadOnlyList<KeyValuePair<string, string?>> filters,
        int pageSize,
        Func<TEmbedded, IReadOnlyList<TItem>?> items,
        CancellationToken cancellationToken)
        where TEmbedded : class
    {
        var result = new List<TItem>();
        var query = QueryHelpers.AddQueryString(path, [.. filters, Pair("limit", pageSize)]);
        for (var page = 1; page <= MaxStagePages; page++)
        {
            var found = await GetJsonAsync<EmbeddedList<TEmbedded>>(QueryHelpers.AddQueryString(query, "page", page.ToString(CultureInfo.InvariantCulture)), cancellationToken) is { Embedded: { } embedded }
                ? items(embedded) ?? []
                : [];
            result.AddRange(found);
            if (found.Count < pageSize)
            {
                break;
            }
        }

        return result;
    }

    private sealed record EventsEmbedded(IReadOnlyList<KommoEvent>? Events);
}
