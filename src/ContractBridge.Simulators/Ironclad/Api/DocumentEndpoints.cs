using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Documents;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// A workflow's documents (those in the signature packet, in its order, and those left out), their download (a real
/// PDF: the draft, or the signed copy once the packet is fully signed), and the packet's order and contents
/// (<c>PATCH …/signature-packet</c>, Review only).
/// </summary>
public static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IroncladServices services)
    {
        api.MapGet("/workflows/{id}/documents", (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadDocuments);
            var documents = services.State.ReadWorkflow(id, WriteDocuments);
            return IroncladJson.Result(documents ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId"));
        });

        api.MapPatch("/workflows/{id}/signature-packet", async (HttpContext context, string id) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.UpdateSignaturePacket);
            var body = await IroncladJson.ReadObjectAsync(context.Request);
            if (body["signaturePacketDocumentKeys"] is not JsonArray keys || keys.Any(k => k is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            {
                throw IroncladApiException.BadRequest(IroncladError.MissingParam("signaturePacketDocumentKeys must be an array of document keys", "signaturePacketDocumentKeys"));
            }

            services.State.SetSignaturePacket(id, [.. keys.Select(k => k!.GetValue<string>())]);
            return IroncladJson.Result(services.State.ReadWorkflow(id, WriteDocuments)!);
        });

        api.MapGet("/workflows/{id}/document/{key}/download", (HttpContext context, string id, string key) =>
        {
            services.Auth.Authenticate(context, IroncladScopes.ReadDocuments);
            var found = services.State.ReadWorkflow(id, workflow =>
                workflow.Documents.Find(d => d.Key == key) is { } document
                    ? new DocumentFile(ContractPdf.Render(workflow, document), document.Filename)
                    : DocumentFile.Missing)
                ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
            if (ReferenceEquals(found, DocumentFile.Missing))
            {
                throw IroncladApiException.NotFound("document does not exist", "key");
            }

            return Results.File(found.Content, ContentType(found.Filename), found.Filename);
        });
    }

    /// <summary>The documents answer (both lists are required); call under the state lock.</summary>
    private static JsonObject WriteDocuments(Workflow workflow) => new()
    {
        ["signaturePacketDocuments"] = new JsonArray([.. workflow.SignaturePacket.Select(d => (JsonNode)WorkflowJsonWriter.WriteDocument(workflow, d))]),
        ["excludedFromSignaturePacketDocuments"] = new JsonArray([.. workflow.Documents.Where(d => !d.InSignaturePacket).Select(d => (JsonNode)WorkflowJsonWriter.WriteDocument(workflow, d))]),
    };

    /// <summary>The media type a file of that name is served as (the packet takes .pdf, .doc and .docx).</summary>
    private static string ContentType(string filename) => Path.GetExtension(filename).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".doc" => "application/msword",
        _ => "application/octet-stream",
    };

    private sealed record DocumentFile(byte[] Content, string Filename)
    {
        public static readonly DocumentFile Missing = new([], string.Empty);
    }
}
