using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>Pipelines with their stages, loss reasons and custom field definitions: the account's configuration.</summary>
internal sealed class PipelineEndpoints(KommoApiContext api)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v4/leads/pipelines", ListPipelinesAsync);
        routes.MapGet("/api/v4/leads/pipelines/{id:long}", GetPipelineAsync);
        routes.MapGet("/api/v4/leads/pipelines/{id:long}/statuses", ListStatusesAsync);
        routes.MapGet("/api/v4/leads/loss_reasons", ListLossReasonsAsync);
        routes.MapGet("/api/v4/leads/custom_fields", context => ListCustomFieldsAsync(context, "leads"));
        routes.MapGet("/api/v4/contacts/custom_fields", context => ListCustomFieldsAsync(context, "contacts"));
        routes.MapGet("/api/v4/companies/custom_fields", context => ListCustomFieldsAsync(context, "companies"));
    }

    private Task ListPipelinesAsync(HttpContext context)
    {
        var pipelines = api.Store.Read(data => data.Pipelines.Values.Select(p => PipelineJson.Write(p, api.Links, api.AccountId)).ToList());
        return KommoHttp.WriteHalAsync(context, HalCollection.WithTotal(api.Links.Api("leads/pipelines"), "pipelines", pipelines));
    }

    private Task GetPipelineAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        var pipeline = api.Store.Read(data => data.Pipelines.TryGetValue(id, out var p) ? PipelineJson.Write(p, api.Links, api.AccountId) : null);
        return pipeline is null
            ? KommoHttp.WriteNotFoundAsync(context, $"Pipeline {id} not found")
            : KommoHttp.WriteHalAsync(context, pipeline);
    }

    private Task ListStatusesAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        var statuses = api.Store.Read(data => data.Pipelines.TryGetValue(id, out var p)
            ? p.Statuses.Select(s => PipelineJson.WriteStatus(s, api.Links, api.AccountId)).ToList()
            : null);
        return statuses is null
            ? KommoHttp.WriteNotFoundAsync(context, $"Pipeline {id} not found")
            : KommoHttp.WriteHalAsync(context, HalCollection.WithTotal(api.Links.Api($"leads/pipelines/{id}/statuses"), "statuses", statuses));
    }

    private Task ListLossReasonsAsync(HttpContext context)
    {
        var (query, problem) = ListQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return KommoHttp.WriteBadRequestAsync(context, problem!);
        }

        var (items, hasMore) = api.Store.Read(data =>
        {
            var page = query.PageOf(data.LossReasons.Values, out var more);
            return (page.Select(r => LossReasonJson.Write(r, api.Links)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "loss_reasons", items, hasMore, api.Links);
    }

    private Task ListCustomFieldsAsync(HttpContext context, string entityType)
    {
        var (query, problem) = ListQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return KommoHttp.WriteBadRequestAsync(context, problem!);
        }

        var (items, hasMore) = api.Store.Read(data =>
        {
            var page = query.PageOf(data.FieldsOf(entityType).OrderBy(f => f.Sort).ThenBy(f => f.Id), out var more);
            return (page.Select(f => CustomFieldJson.Write(f, api.Links, api.AccountId)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "custom_fields", items, hasMore, api.Links);
    }
}
