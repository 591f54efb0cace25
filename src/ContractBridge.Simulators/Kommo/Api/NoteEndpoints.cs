using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Webhooks;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// Lead notes: <c>POST /leads/notes</c> (batch across leads), <c>POST /leads/{id}/notes</c>, and the GETs a client uses
/// to find notes it may already have written (<c>filter[entity_id][]</c>, <c>filter[note_type]</c>). Every note written
/// sends note_lead to the webhooks that subscribed to it.
/// </summary>
internal sealed class NoteEndpoints(KommoApiContext api)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v4/leads/notes", context => CreateAsync(context, routeLeadId: null));
        routes.MapPost("/api/v4/leads/{id:long}/notes", context => CreateAsync(context, KommoApiContext.RouteId(context)));
        routes.MapGet("/api/v4/leads/notes", context => ListAsync(context, routeLeadId: null));
        routes.MapGet("/api/v4/leads/{id:long}/notes", context => ListAsync(context, KommoApiContext.RouteId(context)));
        routes.MapGet("/api/v4/leads/{id:long}/notes/{noteId:long}", GetAsync);
    }

    private async Task CreateAsync(HttpContext context, long? routeLeadId)
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

        if (routeLeadId is { } leadId && !api.Store.Read(data => data.Leads.ContainsKey(leadId)))
        {
            await KommoHttp.WriteNotFoundAsync(context, $"Lead {leadId} not found");
            return;
        }

        var now = api.Now();
        var (outcome, events) = api.Store.Write(data =>
        {
            var created = NoteCreation.Run(items, routeLeadId, data, data.OwnerUserId, now);
            return (created, created.Created.Select(c => NoteWebhookFields.EventOf(data.Notes[c.Id], api.AccountId)).ToList());
        });
        if (!outcome.Succeeded)
        {
            await KommoHttp.WriteValidationProblemAsync(context, outcome.Failures);
            return;
        }

        // Kommo sends note_lead for notes written through the API too: a receiver sees its own notes come back.
        api.Webhooks.Emit(events);

        var self = routeLeadId is null ? "leads/notes" : $"leads/{routeLeadId}/notes";
        await KommoHttp.WriteHalAsync(context, HalCollection.Create(api.Links.Api(self), "notes", outcome.Created.Select(created => new JsonObject
        {
            ["id"] = created.Id,
            ["entity_id"] = created.EntityId,
            ["request_id"] = created.RequestId,
            ["_links"] = KommoLinks.Self(api.Links.Api($"leads/{created.EntityId}/notes/{created.Id}")),
        })));
    }

    private Task ListAsync(HttpContext context, long? routeLeadId)
    {
        var (query, problem) = ListQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return KommoHttp.WriteBadRequestAsync(context, problem!);
        }

        var entityIds = routeLeadId is { } leadId ? new HashSet<long> { leadId } : query.FilterIds("entity_id");
        var noteIds = query.FilterIds("id");
        var types = query.FilterValues("note_type")?.ToHashSet(StringComparer.Ordinal);
        var (items, hasMore) = api.Store.Read(data =>
        {
            var notes = data.Notes.Values.Where(n =>
                n.EntityType == "leads"
                && (entityIds is null || entityIds.Contains(n.EntityId))
                && (noteIds is null || noteIds.Contains(n.Id))
                && (types is null || types.Contains(n.NoteType)));
            var page = query.PageOf(notes, out var more);
            return (page.Select(n => NoteJson.Write(n, api.Links, api.AccountId)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "notes", items, hasMore, api.Links);
    }

    private Task GetAsync(HttpContext context)
    {
        var leadId = KommoApiContext.RouteId(context);
        var noteId = KommoApiContext.RouteId(context, "noteId");
        var note = api.Store.Read(data => data.Notes.TryGetValue(noteId, out var n) && n.EntityId == leadId
            ? NoteJson.Write(n, api.Links, api.AccountId)
            : null);
        return note is null ? KommoHttp.WriteNoContent(context) : KommoHttp.WriteHalAsync(context, note);
    }
}
