using System.Globalization;
using ContractBridge.Flows;
using ContractBridge.Flows.Preview;
using ContractBridge.Kommo;
using ContractBridge.Upstream;
using ContractBridge.Web.Dashboard.Components;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// <c>GET /preview?deal=&amp;rule=</c>: the dashboard's dry run (<see cref="DealPreview"/>, the code the launch and
/// <c>contracts preview</c> run). A number is a lead id; words are looked up with Kommo's own search and the matches
/// offered. An admin's page, as <c>GET /api/preview</c> is: it reads the customer's deal from Kommo on demand.
/// </summary>
public static class DealPreviewPage
{
    public const int MaxDealText = 200;

    private const int MostMatches = 20;

    public static RouteGroupBuilder MapDealPreviewPage(this RouteGroupBuilder change)
    {
        change.MapGet("/preview", ShowAsync);
        return change;
    }

    public static string Href(long leadId, string? rule) =>
        string.Create(CultureInfo.InvariantCulture, $"/preview?deal={leadId}")
        + (string.IsNullOrEmpty(rule) ? string.Empty : "&rule=" + Uri.EscapeDataString(rule));

    private static async Task<IResult> ShowAsync(HttpContext context, DealPreview preview, KommoClient kommo, RuleBook rules, string? deal, string? rule, CancellationToken cancellationToken)
    {
        var session = await DashboardSession.OfAsync(context);
        rule = string.IsNullOrWhiteSpace(rule) ? null : rule.Trim();
        deal = string.IsNullOrWhiteSpace(deal) ? null : deal.Trim();
        var page = new Dictionary<string, object?> { ["Session"] = session, ["Rules"] = rules.Rules.Select(r => r.Name).ToList(), ["Deal"] = deal, ["Rule"] = rule };
        if (deal is null)
        {
            return DashboardPages.Render<PreviewPage>(page);
        }

        if (deal.Length > MaxDealText)
        {
            return DashboardPages.Problem(StatusCodes.Status400BadRequest, "Bad request", $"The deal box takes a lead's number or up to {MaxDealText} characters of its name.", session);
        }

        try
        {
            if (LeadIdText.Parse(deal) is not { } leadId)
            {
                page["Matches"] = await kommo.SearchLeadsAsync(deal, MostMatches, cancellationToken);
                return DashboardPages.Render<PreviewPage>(page);
            }

            switch (await preview.PreviewAsync(leadId, rule, cancellationToken))
            {
                case PreviewOutcome.Previewed { Report: var report }:
                    page["Report"] = report;
                    return DashboardPages.Render<PreviewPage>(page);
                case PreviewOutcome.LeadNotFound notFound:
                    return DashboardPages.Problem(StatusCodes.Status404NotFound, "No such deal", notFound.Message, session);
                case PreviewOutcome.UnknownRule unknown:
                    return DashboardPages.Problem(StatusCodes.Status400BadRequest, "No such rule", unknown.Message, session);
                default:
                    throw new InvalidOperationException("Unknown preview outcome.");
            }
        }
        catch (UpstreamException ex)
        {
            return DashboardPages.Problem(StatusCodes.Status502BadGateway, "Could not read Kommo or Ironclad", ex.Message, session);
        }
    }
}
