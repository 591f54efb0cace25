namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>Read one contract record (by id or IC number): <c>GET /records/{id}</c>.</summary>
public static class RecordEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapGet("/records/{id}", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadRecords);
            return IroncladJson.Result(services.State.RecordJson(id)
                ?? throw IroncladApiException.NotFound("record does not exist", "id"));
        });
    }
}
