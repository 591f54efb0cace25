using System.Globalization;
using ContractBridge.Flows.Story;
using ContractBridge.Web.Dashboard.Components;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// GET /deals/{leadId}: the deal's story (<see cref="DealStory"/>), <c>limit</c> states, jobs and events at a time; the
/// "older" link carries each list's cursor (<c>states</c>, <c>jobs</c>, <c>events</c>: below that id; 0 for a list already
/// complete). 404 for a lead the bridge knows nothing of.
/// </summary>
internal static class DealEndpoint
{
    public static async Task<IResult> ShowAsync(HttpContext context, DealStory story, long leadId, string? limit, string? states, string? jobs, string? events, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        if (DashboardQuery.Limit(limit, DealStory.DefaultLimit) is not { } rows)
        {
            return Bad(DashboardQuery.BadLimit, session);
        }

        if (DashboardQuery.Id(states, long.MaxValue) is not { } statesBefore
            || DashboardQuery.Id(jobs, long.MaxValue) is not { } jobsBefore
            || DashboardQuery.Id(events, long.MaxValue) is not { } eventsBefore)
        {
            return Bad("states, jobs and events must be the ids an \"Older\" link carries.", session);
        }

        var cursor = new DealStoryCursor(statesBefore, jobsBefore, eventsBefore);
        var page = await story.ReadAsync(leadId, cursor, rows, cancellationToken);
        var older = cursor != DealStoryCursor.Newest;
        if (!older && page.Contracts.Count == 0 && page.States.Count == 0 && page.Jobs.Count == 0 && page.Events.Count == 0)
        {
            return DashboardPages.Problem(StatusCodes.Status404NotFound, "No such deal", $"The bridge has no contract, job or event about lead {Id(leadId)}.", session);
        }

        return DashboardPages.Render<DealPage>(new { Story = page, Older = older, OlderHref = OlderHref(page, rows), Session = session });
    }

    private static string? OlderHref(DealStoryPage page, int rows) =>
        page.StatesBefore is null && page.JobsBefore is null && page.EventsBefore is null
            ? null
            : $"/deals/{Id(page.LeadId)}?states={Id(page.StatesBefore ?? 0)}&jobs={Id(page.JobsBefore ?? 0)}&events={Id(page.EventsBefore ?? 0)}"
                + (rows == DealStory.DefaultLimit ? string.Empty : $"&limit={rows.ToString(CultureInfo.InvariantCulture)}");

    private static IResult Bad(string message, DashboardSession session) =>
        DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", message, session);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
