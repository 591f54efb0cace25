namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// <c>PATCH /workflows/{id}/attributes</c> (Update Workflow Metadata, scope public.workflows.updateWorkflows): answers
/// the updated workflow, as <c>GET /workflows/{id}</c> would. The rules are the state's
/// (<see cref="Lifecycle.IroncladState.UpdateAttributes"/>).
/// </summary>
public static class WorkflowAttributeEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services) =>
        api.MapPatch("/workflows/{id}/attributes", async (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.UpdateWorkflows);
            var request = AttributeUpdateRequest.Parse(await IroncladJson.ReadObjectAsync(context.Request));
            return IroncladJson.Result(services.State.UpdateAttributes(id, request));
        });
}
