using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Documents;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>The signature packet's documents and their download (a real PDF: the draft, or the signed copy once fully signed).</summary>
public static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapGet("/workflows/{id}/documents", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadDocuments);
            var documents = services.State.ReadWorkflow(id, workflow => new JsonObject
            {
                ["signaturePacketDocuments"] = new JsonArray(WorkflowJsonWriter.WriteDocument(workflow)),
                ["excludedFromSignaturePacketDocuments"] = new JsonArray(),
            });
            return IroncladJson.Result(documents ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId"));
        });

        api.MapGet("/workflows/{id}/document/{key}/download", (HttpContext context, string id, string key) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadDocuments);
            var filename = "";
            var bytes = services.State.ReadWorkflow(id, workflow =>
            {
                filename = workflow.DocumentFilename;
                return workflow.DocumentKey == key ? ContractPdf.Render(workflow) : null;
            });
            if (bytes is null)
            {
                throw filename.Length == 0
                    ? IroncladApiException.NotFound("workflow does not exist", "workflowId")
                    : IroncladApiException.NotFound("document does not exist", "key");
            }

            return Results.File(bytes, "application/pdf", filename);
        });
    }
}
