using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>Writes a page of a list as Kommo does: <c>_page</c>, <c>_links</c> (self, next, prev), <c>_embedded.{name}</c>; 204 when empty.</summary>
internal static class HalList
{
    public static Task WriteAsync(HttpContext context, ListQuery query, string name, IReadOnlyList<JsonObject> items, bool hasMore, KommoLinks links)
    {
        if (items.Count == 0)
        {
            return KommoHttp.WriteNoContent(context);
        }

        var path = context.Request.Path.Value ?? "/";
        var linkSet = new JsonObject { ["self"] = KommoLinks.Href(PageUrl(links, path, query, query.Page)) };
        if (hasMore)
        {
            linkSet["next"] = KommoLinks.Href(PageUrl(links, path, query, query.Page + 1));
        }

        if (query.Page > 1)
        {
            linkSet["prev"] = KommoLinks.Href(PageUrl(links, path, query, query.Page - 1));
        }

        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return KommoHttp.WriteHalAsync(context, new JsonObject
        {
            ["_page"] = query.Page,
            ["_links"] = linkSet,
            ["_embedded"] = new JsonObject { [name] = array },
        });
    }

    /// <summary>The same query with another page number, so following <c>next</c> keeps the filters.</summary>
    private static string PageUrl(KommoLinks links, string path, ListQuery query, int page)
    {
        var parts = new List<string>();
        foreach (var (key, values) in query.Query)
        {
            if (key is "page" or "limit")
            {
                continue;
            }

            foreach (var value in values)
            {
                parts.Add($"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value ?? "")}");
            }
        }

        parts.Add($"page={page}");
        parts.Add($"limit={query.Limit}");
        return $"{links.Account}{path}?{string.Join('&', parts)}";
    }
}
