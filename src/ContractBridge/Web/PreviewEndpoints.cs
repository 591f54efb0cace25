using ContractBridge.Flows.Preview;
using ContractBridge.Upstream;
using ContractBridge.Web.Dashboard;

namespace ContractBridge.Web;

/// <summary>
/// <c>GET /api/preview/{leadId}?rule=</c>: a deal's dry run (<see cref="DealPreview"/>) as JSON, for the setup pages.
/// Admin only, behind the dashboard's own gate (off → 404, signed out → 401, a viewer → 403). 200 with the report whether or not it
/// would launch (its <c>wouldLaunch</c> and <c>problems</c> say); 400 for a lead id that is not a number or a rule that
/// is not configured; 404 for a lead Kommo does not have; 502 when Kommo or Ironclad could not be read. Never cached:
/// the gate puts the dashboard's headers (no-store among them) on every answer.
/// </summary>
public static class PreviewEndpoints
{
    public static IEndpointRouteBuilder MapPreviewApi(this IEndpointRouteBuilder routes)
    {
        // A dry run is setup's: an admin's, as replays are; the dashboard's gate answers 404 while it is off.
        routes.MapGroup("/api/preview").WithMetadata(DashboardEndpointMarker.Instance).RequireAuthorization(DashboardPolicies.Change).MapGet("/{leadId}", PreviewAsync);
        return routes;
    }

    private static async Task<IResult> PreviewAsync(string leadId, string? rule, DealPreview preview, CancellationToken cancellationToken)
    {
        if (LeadIdText.Parse(leadId) is not { } id)
        {
            return Error(StatusCodes.Status400BadRequest, LeadIdText.NotALeadId(leadId));
        }

        try
        {
            return await preview.PreviewAsync(id, string.IsNullOrWhiteSpace(rule) ? null : rule, cancellationToken) switch
            {
                PreviewOutcome.Previewed { Report: var report } => Results.Json(report, PreviewJson.Options),
                PreviewOutcome.LeadNotFound notFound => Error(StatusCodes.Status404NotFound, notFound.Message),
                PreviewOutcome.UnknownRule unknown => Error(StatusCodes.Status400BadRequest, unknown.Message),
                _ => throw new InvalidOperationException("Unknown preview outcome."),
            };
        }
        catch (UpstreamException ex)
        {
            return Error(StatusCodes.Status502BadGateway, ex.Message);
        }
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
