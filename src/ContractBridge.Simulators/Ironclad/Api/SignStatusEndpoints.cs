namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// The Sign step's status (<c>GET /workflows/{id}/sign-status</c>: 400 INVALID_STATE outside the Sign step) and a
/// reminder to one signer (<c>POST …/sign-status/signers/{signerRoleName}/remind</c>, the role name URL-encoded: 204;
/// 400 outside the Sign step or for a signer who signed, 404 for an unknown role, 429 within an hour of the last one).
/// </summary>
public static class SignStatusEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapGet("/workflows/{id}/sign-status", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadSignStatus);
            return IroncladJson.Result(services.State.SignStatus(id));
        });

        api.MapPost("/workflows/{id}/sign-status/signers/{signerRoleName}/remind", (HttpContext context, string id, string signerRoleName) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.RemindSigners);
            services.State.RemindSigner(id, signerRoleName);
            return Results.NoContent();
        });
    }
}
