using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// <c>GET /workflows/{id}/sign-status</c> as Ironclad answers it (SignStatusModel in the OpenAPI description): every
/// signer with name, email, role name, status and type (internal signers with their user id), parallel routing, and the
/// request's status (<c>sent</c> while signatures are missing, <c>complete</c> once all are in). Call under the state lock.
/// </summary>
public static class SignStatusJsonWriter
{
    public static JsonObject Write(Workflow workflow) => new()
    {
        ["signers"] = new JsonArray([.. workflow.Signers.Select(Signer)]),
        ["routing"] = "parallel",
        ["status"] = workflow.Signers.TrueForAll(s => s.Status == SignerStatus.Signed) ? "complete" : "sent",
        ["requireSignedDocumentUpload"] = false,
        ["provider"] = "Ironclad Signature",
    };

    public static string Status(SignerStatus status) => status == SignerStatus.Signed ? "signed" : "sent";

    private static JsonNode Signer(WorkflowSigner signer)
    {
        var json = new JsonObject
        {
            ["name"] = signer.Name,
            ["email"] = signer.Email,
            ["roleName"] = signer.RoleName,
            ["status"] = Status(signer.Status),
            ["isWetSigned"] = false,
            ["delegates"] = new JsonArray(),
            ["routingOrder"] = 1,
            ["type"] = signer.IsInternal ? "internal" : "external",
        };
        if (signer.UserId is { } userId)
        {
            json["userId"] = userId;
        }

        return json;
    }
}
