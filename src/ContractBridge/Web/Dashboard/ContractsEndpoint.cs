using System.Globalization;
using ContractBridge.Contracts;
using ContractBridge.Web.Dashboard.Components;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// GET /contracts: the newest contracts, or a search (<c>q</c>: a lead id, an IC number or the beginning of a deal's name),
/// <c>limit</c> at a time; the next page is a keyset read (<c>before</c> an id for the newest, <c>after</c> a search cursor),
/// so a page deep in a million contracts reads no more than the first.
/// </summary>
internal static class ContractsEndpoint
{
    public static async Task<IResult> ShowAsync(HttpContext context, IContractLinkStore links, string? q, string? limit, string? before, string? after, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        if (DashboardQuery.Limit(limit, ContractsPage.DefaultLimit) is not { } rows)
        {
            return Bad(DashboardQuery.BadLimit, session);
        }

        if (q is { Length: > ContractsPage.MaxQueryLength })
        {
            return Bad($"q is at most {ContractsPage.MaxQueryLength} characters: a lead id, an IC number or the beginning of a deal's name.", session);
        }

        var sized = rows == ContractsPage.DefaultLimit ? string.Empty : $"&limit={rows.ToString(CultureInfo.InvariantCulture)}";
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (query is null)
        {
            if (DashboardQuery.Id(before, long.MaxValue) is not { } beforeId)
            {
                return Bad("before must be the id an \"Older contracts\" link carries.", session);
            }

            var newest = await links.ListPageAsync(beforeId, rows, cancellationToken);
            return Page(newest.Links, null, rows, newest.OlderThan is { } older ? $"/contracts?before={older.ToString(CultureInfo.InvariantCulture)}{sized}" : null, session);
        }

        ContractSearchCursor? cursor = null;
        if (after is not null && (cursor = ContractSearchCursor.Parse(after)) is null)
        {
            return Bad("after must be the cursor a \"More results\" link carries.", session);
        }

        var found = await links.SearchPageAsync(query, cursor, rows, cancellationToken);
        var next = found.Next is { } more ? $"/contracts?q={Uri.EscapeDataString(query)}&after={Uri.EscapeDataString(more.ToString())}{sized}" : null;
        return Page(found.Links, query, rows, next, session);
    }

    private static IResult Page(IReadOnlyList<ContractLink> contracts, string? query, int rows, string? next, DashboardSession session) =>
        DashboardPages.Render<ContractsPage>(new { Contracts = contracts, Query = query, Limit = rows, NextHref = next, Session = session });

    private static IResult Bad(string message, DashboardSession session) =>
        DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", message, session);
}
