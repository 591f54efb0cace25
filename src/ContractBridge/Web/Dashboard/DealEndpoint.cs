using System.Globalization;
using ContractBridge.Flows.Story;
using ContractBridge.Web.Dashboard.Components;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// GET /deals/{leadId}: the deal's story (<see cref="DealStory"/>), <c>limit</c> states, jobs, events and writes at a time;
/// the "older" link carries each list's cursor (<c>states</c>, <c>jobs</c>, <c>events</c>, <c>writes</c>: below that id; 0
/// for a list already complete). 404 for a lead the bridge knows nothing of.
/// </summary>
internal static class DealEndpoint
{
    public static async Task<IResult> ShowAsync(HttpContext context, DealStory story, long leadId, string? limit, string? states, string? jobs, string? events, string? writes, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        if (DashboardQuery.Limit(limit, DealStory.DefaultLimit) is not { } rows)
        {
            return Bad(DashboardQuery.BadLimit, session);
        }

        if (DashboardQuery.Id(states, long.MaxValue) is not { } statesBefore
            || DashboardQuery.Id(jobs, long.MaxValue) is not { } jobsBefore
            || DashboardQuery.Id(events, long.MaxValue) is not { } eventsBefore
            || DashboardQuery.Id(writes, long.MaxValue) is not { } writesBefore)
        {
            return Bad("states, jobs, events and writes must be the ids an \"Older\" link carries.", session);
        }

        var cursor = new DealStoryCursor(statesBefore, jobsBefore, eventsBefore, writesBefore);
        var page = await story.ReadAsync(leadId, cursor, rows, cancellationToken);
        var older = cursor != DealStoryCursor.Newest;
        if (!older && page.IsEmpty)
        {
            return DashboardPages.Problem(StatusCodes.Status404NotFound, "No such deal", $"The bridge has no contract, job or event about lead {Id(leadId)}.", session);
        }

        return DashboardPages.Render<DealPage>(new { Story = page, Older = older, OlderHref = OlderHref(page, rows), Session = session });
    }

    private static string? OlderHref(DealStoryPage page, int rows) =>
        page.IsLast
            ? null
            : $"/deals/{Id(page.LeadId)}?states={Id(page.StatesBefore ?? 0)}&jobs={Id(page.JobsBefore ?? 0)}&events={Id(page.EventsBefore ?? 0)}&writes={Id(page.WritesBefore ?? 0)}"
                + (rows == DealStory.DefaultLimit ? string.Empty : $"&limit={rows.ToString(CultureInfo.InvariantCulture)}");

    private static IResult Bad(string message, DashboardSession session) =>
        DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", message, session);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
