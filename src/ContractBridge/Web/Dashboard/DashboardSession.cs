using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Who is looking, as a page needs it: whether they came with a bearer token (no session to log out of), whether the
/// change policy lets them replay (so the page offers the buttons), and the antiforgery token its forms carry.
/// </summary>
public sealed record DashboardSession(bool ViaBearer, bool MayChange, string FormField, string FormToken)
{
    public static async Task<DashboardSession> OfAsync(HttpContext context)
    {
        var user = context.User;
        var services = context.RequestServices;
        var mayChange = (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, DashboardPolicies.Change)).Succeeded;
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new DashboardSession(DashboardPrincipal.ViaBearer(user), mayChange, tokens.FormFieldName, tokens.RequestToken!);
    }
}
