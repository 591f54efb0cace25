using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>Contacts and companies: GET one and GET lists with <c>filter[id]</c>, <c>query</c>, paging and 204 when empty.</summary>
internal sealed class ContactEndpoints(KommoApiContext api)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var contacts = new Entity<KommoContact>("contacts", data => data.Contacts, c => c.Id, c => c.Name, ContactJson.Write);
        var companies = new Entity<KommoCompany>("companies", data => data.Companies, c => c.Id, c => c.Name, CompanyJson.Write);
        routes.MapGet("/api/v4/contacts", context => ListAsync(context, contacts));
        routes.MapGet("/api/v4/contacts/{id:long}", context => GetAsync(context, contacts));
        routes.MapGet("/api/v4/companies", context => ListAsync(context, companies));
        routes.MapGet("/api/v4/companies/{id:long}", context => GetAsync(context, companies));
    }

    private Task ListAsync<T>(HttpContext context, Entity<T> entity)
    {
        var (query, problem) = ListQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return KommoHttp.WriteBadRequestAsync(context, problem!);
        }

        var ids = query.FilterIds("id");
        var search = context.Request.Query["query"].ToString();
        var (items, hasMore) = api.Store.Read(data =>
        {
            var matching = entity.All(data).Values.Where(e =>
                (ids is null || ids.Contains(entity.Id(e))) && (search.Length == 0 || entity.Name(e).Contains(search, StringComparison.OrdinalIgnoreCase)));
            var page = query.PageOf(matching, out var more);
            return (page.Select(e => entity.Write(e, data, api.Links, query.With, api.AccountId)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, entity.Path, items, hasMore, api.Links);
    }

    private Task GetAsync<T>(HttpContext context, Entity<T> entity)
    {
        var id = KommoApiContext.RouteId(context);
        var with = ListQuery.ParseWith(context.Request.Query);
        var found = api.Store.Read(data => entity.All(data).TryGetValue(id, out var e) ? entity.Write(e, data, api.Links, with, api.AccountId) : null);
        return found is null ? KommoHttp.WriteNoContent(context) : KommoHttp.WriteHalAsync(context, found);
    }

    /// <summary>What the two endpoints need to know of an entity: where it is kept, its id and name, its wire form.</summary>
    private sealed record Entity<T>(
        string Path,
        Func<KommoAccountData, IReadOnlyDictionary<long, T>> All,
        Func<T, long> Id,
        Func<T, string> Name,
        Func<T, KommoAccountData, KommoLinks, ISet<string>, long, JsonObject> Write);
}
