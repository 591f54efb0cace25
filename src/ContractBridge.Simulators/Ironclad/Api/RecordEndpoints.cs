namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Read one contract record (by id or IC number): <c>GET /records/{id}</c>. An unknown record answers 400 NOT_FOUND: the
/// OpenAPI description gives this operation only 200 and 400 (as for workflow schemas; the record PATCH documents 404).
/// </summary>
public static class RecordEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapGet("/records/{id}", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadRecords);
            return IroncladJson.Result(services.State.RecordJson(id)
                ?? throw IroncladApiException.BadRequest(IroncladError.NotFound("record does not exist", "id")));
        });
    }
}
