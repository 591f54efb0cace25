using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>Leads: GET one, GET lists (filters, paging, 204 when empty), PATCH one and batch PATCH (which emit webhooks).</summary>
internal sealed class LeadEndpoints(KommoApiContext api)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v4/leads", ListAsync);
        routes.MapGet("/api/v4/leads/{id:long}", GetAsync);
        routes.MapPatch("/api/v4/leads", PatchBatchAsync);
        routes.MapPatch("/api/v4/leads/{id:long}", PatchOneAsync);
    }

    private Task ListAsync(HttpContext context)
    {
        var (query, problem) = ListQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return KommoHttp.WriteBadRequestAsync(context, problem!);
        }

        var (updated, updatedProblem) = StructuredFilters.Range(context.Request.Query, "updated_at");
        var (created, createdProblem) = StructuredFilters.Range(context.Request.Query, "created_at");
        if ((updatedProblem ?? createdProblem) is { } rangeProblem)
        {
            return KommoHttp.WriteBadRequestAsync(context, rangeProblem);
        }

        // filter[statuses][i][pipeline_id] + [status_id]: a lead in any of the stages (a pipeline alone: any of its stages).
        var statuses = StructuredFilters.Objects(context.Request.Query, "filter[statuses]");
        var ids = query.FilterIds("id");
        var pipelines = query.FilterIds("pipeline_id");
        var responsible = query.FilterIds("responsible_user_id");
        var search = context.Request.Query["query"].ToString();
        var (items, hasMore) = api.Store.Read(data =>
        {
            var leads = data.Leads.Values.Where(l =>
                (ids is null || ids.Contains(l.Id))
                && (pipelines is null || pipelines.Contains(l.PipelineId))
                && (responsible is null || responsible.Contains(l.ResponsibleUserId))
                && (search.Length == 0 || l.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
                && (statuses is null || statuses.Any(s => InStage(l, s)))
                && (updated is null || updated.Contains(l.UpdatedAt))
                && (created is null || created.Contains(l.CreatedAt)));
            var page = query.PageOf(Ordered(leads, context.Request.Query), out var more);
            return (page.Select(l => LeadJson.Write(l, data, api.Links, query.With, api.AccountId)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "leads", items, hasMore, api.Links);
    }

    private Task GetAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        var with = ListQuery.ParseWith(context.Request.Query);
        var lead = api.Store.Read(data => data.Leads.TryGetValue(id, out var l) ? LeadJson.Write(l, data, api.Links, with, api.AccountId) : null);

        // Kommo answers an id it does not know with 204 and no body, not 404.
        return lead is null ? KommoHttp.WriteNoContent(context) : KommoHttp.WriteHalAsync(context, lead);
    }

    private async Task PatchBatchAsync(HttpContext context)
    {
        using var document = await KommoHttp.ReadJsonAsync(context);
        if (document is null)
        {
            return;
        }

        var items = await BatchBody.ItemsAsync(context, document);
        if (items is null)
        {
            return;
        }

        var outcome = Run(items, routeLeadId: null);
        if (!outcome.Succeeded)
        {
            await KommoHttp.WriteValidationProblemAsync(context, outcome.Failures);
            return;
        }

        await KommoHttp.WriteHalAsync(context, HalCollection.Create(api.Links.Api("leads"), "leads", outcome.Updated.Select(updated => new JsonObject
        {
            ["id"] = updated.Id,
            ["updated_at"] = updated.UpdatedAt,
            ["request_id"] = updated.RequestId,
            ["_links"] = KommoLinks.Self(api.Links.Api($"leads/{updated.Id}")),
        })));
    }

    /// <summary>Kommo answers a single-lead PATCH with the lead's id and updated_at at the top level, not embedded.</summary>
    private async Task PatchOneAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        using var document = await KommoHttp.ReadJsonAsync(context);
        if (document is null)
        {
            return;
        }

        if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            await KommoHttp.WriteBadRequestAsync(context, "Request body must be a JSON object");
            return;
        }

        var outcome = Run([document.RootElement], id);
        if (!outcome.Succeeded)
        {
            await KommoHttp.WriteValidationProblemAsync(context, outcome.Failures);
            return;
        }

        var updated = outcome.Updated[0];
        await KommoHttp.WriteHalAsync(context, new JsonObject
        {
            ["id"] = updated.Id,
            ["updated_at"] = updated.UpdatedAt,
            ["_links"] = KommoLinks.Self(api.Links.Api($"leads/{updated.Id}")),
        });
    }

    /// <summary>Changes the leads under the lock, then sends their webhooks outside it, all in one body per destination.</summary>
    private LeadUpdateOutcome Run(IReadOnlyList<System.Text.Json.JsonElement> items, long? routeLeadId)
    {
        var now = api.Now();
        var outcome = api.Store.Write(data => LeadUpdates.Run(items, routeLeadId, data, data.OwnerUserId, now, api.AccountId));
        api.Webhooks.Emit(outcome.Events);
        return outcome;
    }

    private static bool InStage(KommoLead lead, IReadOnlyDictionary<string, long> stage) =>
        (!stage.TryGetValue("pipeline_id", out var pipeline) || pipeline == lead.PipelineId)
        && (!stage.TryGetValue("status_id", out var status) || status == lead.StatusId)
        && stage.Count > 0;

    /// <summary>Kommo's <c>order[id|created_at|updated_at]=asc|desc</c>; id ascending otherwise.</summary>
    private static IEnumerable<KommoLead> Ordered(IEnumerable<KommoLead> leads, IQueryCollection query)
    {
        foreach (var (field, selector) in new (string, Func<KommoLead, long>)[] { ("id", l => l.Id), ("created_at", l => l.CreatedAt), ("updated_at", l => l.UpdatedAt) })
        {
            var direction = query[$"order[{field}]"].ToString();
            if (direction.Length > 0)
            {
                return direction.Equals("desc", StringComparison.OrdinalIgnoreCase)
                    ? leads.OrderByDescending(selector).ThenByDescending(l => l.Id)
                    : leads.OrderBy(selector).ThenBy(l => l.Id);
            }
        }

        return leads;
    }
}
