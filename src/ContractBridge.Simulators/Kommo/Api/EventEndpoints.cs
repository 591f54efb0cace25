using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// The event feed: <c>GET /api/v4/events</c>, newest first, at most 100 a page (amoCRM's documented limit for events;
/// Kommo's reference says 250 for lists in general), 204 when nothing matches. Filters: <c>filter[type]</c>,
/// <c>filter[entity]</c>, <c>filter[entity_id]</c>, <c>filter[id]</c>, <c>filter[created_by]</c> (comma lists or
/// arrays), <c>filter[created_at][from|to]</c>, and <c>filter[value_after|value_before][leads_statuses][i][pipeline_id|status_id]</c>.
/// </summary>
internal sealed class EventEndpoints(KommoApiContext api)
{
    public const int MaxLimit = 100;

    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/api/v4/events", ListAsync);

    private Task ListAsync(HttpContext context)
    {
        var (query, problem) = ListQuery.Parse(context.Request.Query, MaxLimit);
        if (query is null)
        {
            return KommoHttp.WriteBadRequestAsync(context, problem!);
        }

        var (created, rangeProblem) = StructuredFilters.Range(context.Request.Query, "created_at");
        if (rangeProblem is not null)
        {
            return KommoHttp.WriteBadRequestAsync(context, rangeProblem);
        }

        var types = query.FilterValues("type")?.ToHashSet(StringComparer.Ordinal);
        var entities = query.FilterValues("entity")?.ToHashSet(StringComparer.Ordinal);
        var ids = query.FilterValues("id")?.ToHashSet(StringComparer.Ordinal);
        var entityIds = query.FilterIds("entity_id");
        var authors = query.FilterIds("created_by");
        var after = StructuredFilters.Objects(context.Request.Query, "filter[value_after][leads_statuses]");
        var before = StructuredFilters.Objects(context.Request.Query, "filter[value_before][leads_statuses]");
        var (items, hasMore) = api.Store.Read(data =>
        {
            var matching = data.Events.Where(e =>
                (types is null || types.Contains(e.Type))
                && (entities is null || entities.Contains(e.EntityType))
                && (ids is null || ids.Contains(e.Id))
                && (entityIds is null || entityIds.Contains(e.EntityId))
                && (authors is null || authors.Contains(e.CreatedBy))
                && (created is null || created.Contains(e.CreatedAt))
                && (after is null || (e.Type == KommoEvent.LeadStatusChanged && after.Any(s => IsStage(e.After, s))))
                && (before is null || (e.Type == KommoEvent.LeadStatusChanged && before.Any(s => IsStage(e.Before, s)))));
            var newestFirst = Enumerable.Reverse(matching.ToList());
            var page = query.PageOf(newestFirst, out var more);
            return (page.Select(e => EventJson.Write(e, api.Links, api.AccountId)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "events", items, hasMore, api.Links);
    }

    private static bool IsStage(LeadStage stage, IReadOnlyDictionary<string, long> wanted) =>
        wanted.Count > 0
        && (!wanted.TryGetValue("pipeline_id", out var pipeline) || pipeline == stage.PipelineId)
        && (!wanted.TryGetValue("status_id", out var status) || status == stage.StatusId);
}
