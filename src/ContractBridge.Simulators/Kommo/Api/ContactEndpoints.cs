using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>Contacts and companies: GET one and GET lists with <c>filter[id]</c>, <c>query</c>, paging and 204 when empty.</summary>
internal sealed class ContactEndpoints(KommoApiContext api)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v4/contacts", ListContactsAsync);
        routes.MapGet("/api/v4/contacts/{id:long}", GetContactAsync);
        routes.MapGet("/api/v4/companies", ListCompaniesAsync);
        routes.MapGet("/api/v4/companies/{id:long}", GetCompanyAsync);
    }

    private Task ListContactsAsync(HttpContext context)
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
            var contacts = data.Contacts.Values.Where(c =>
                (ids is null || ids.Contains(c.Id)) && (search.Length == 0 || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase)));
            var page = query.PageOf(contacts, out var more);
            return (page.Select(c => ContactJson.Write(c, data, api.Links, query.With, api.AccountId)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "contacts", items, hasMore, api.Links);
    }

    private Task GetContactAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        var with = ListQuery.ParseWith(context.Request.Query);
        var contact = api.Store.Read(data => data.Contacts.TryGetValue(id, out var c) ? ContactJson.Write(c, data, api.Links, with, api.AccountId) : null);
        return contact is null ? KommoHttp.WriteNoContent(context) : KommoHttp.WriteHalAsync(context, contact);
    }

    private Task ListCompaniesAsync(HttpContext context)
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
            var companies = data.Companies.Values.Where(c =>
                (ids is null || ids.Contains(c.Id)) && (search.Length == 0 || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase)));
            var page = query.PageOf(companies, out var more);
            return (page.Select(c => CompanyJson.Write(c, data, api.Links, query.With, api.AccountId)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "companies", items, hasMore, api.Links);
    }

    private Task GetCompanyAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        var with = ListQuery.ParseWith(context.Request.Query);
        var company = api.Store.Read(data => data.Companies.TryGetValue(id, out var c) ? CompanyJson.Write(c, data, api.Links, with, api.AccountId) : null);
        return company is null ? KommoHttp.WriteNoContent(context) : KommoHttp.WriteHalAsync(context, company);
    }
}
