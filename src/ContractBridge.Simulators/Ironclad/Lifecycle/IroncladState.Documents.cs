using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Workflow documents: the main contract and the template's exhibits made at launch, documents a test adds (control
/// API), the signature packet's order (<c>PATCH /workflows/{id}/signature-packet</c>), and the signed versions the packet
/// gets once fully signed. Only the main contract (<c>{template} - IC-n.pdf</c>) exists unless a template names exhibits.
/// </summary>
public sealed partial class IroncladState
{
    /// <summary>Adds a document to a workflow in Review, in the signature packet or not; only Review takes new documents.</summary>
    public WorkflowSnapshot AddDocument(string idOrIroncladId, string filename, bool inSignaturePacket) => Change(idOrIroncladId, workflow =>
    {
        if (string.IsNullOrWhiteSpace(filename) || Path.GetExtension(filename).Length < 2)
        {
            throw new ArgumentException("filename must be a name with an extension, e.g. 'Exhibit B - Pricing.pdf'", nameof(filename));
        }

        RequireReview(workflow, "documents can be added only while the workflow is in Review");
        workflow.Documents.Add(NewDocument(filename, inSignaturePacket, _clock.UtcNow));
        Touch(workflow);
        Emit(workflow, WebhookEvents.WorkflowDocumentsAdded);
        Emit(workflow, WebhookEvents.WorkflowUpdated);
    });

    /// <summary>
    /// Makes the signature packet exactly <paramref name="keys"/>, in that order (documents left out move out of it), as
    /// <c>PATCH /workflows/{id}/signature-packet</c> does: Review only, every key a document of the workflow, not empty.
    /// </summary>
    public WorkflowSnapshot SetSignaturePacket(string idOrIroncladId, IReadOnlyList<string> keys) => Change(idOrIroncladId, workflow =>
    {
        RequireReview(workflow, "the signature packet can be changed only while the workflow is in Review", badRequest: true);
        if (keys.Count == 0)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidParam("signaturePacketDocumentKeys cannot be empty: the workflow has a sign step", "signaturePacketDocumentKeys"));
        }

        var byKey = workflow.Documents.ToDictionary(d => d.Key, StringComparer.Ordinal);
        if (keys.FirstOrDefault(k => !byKey.ContainsKey(k)) is { } unknown)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"'{unknown}' is not a document of this workflow", "signaturePacketDocumentKeys"));
        }

        var packet = keys.Distinct(StringComparer.Ordinal).Select(k => byKey[k]).ToList();
        var excluded = workflow.Documents.Where(d => !packet.Contains(d)).ToList();
        workflow.Documents.Clear();
        workflow.Documents.AddRange(packet.Concat(excluded));
        packet.ForEach(d => d.InSignaturePacket = true);
        excluded.ForEach(d => d.InSignaturePacket = false);
        Touch(workflow);
        Emit(workflow, WebhookEvents.SignaturePacketDocumentMoved);
        Emit(workflow, WebhookEvents.WorkflowUpdated);
    });

    /// <summary>Call under the lock: the main contract, then one document per exhibit of the template, all in the packet.</summary>
    private static void AddLaunchDocuments(Workflow workflow, DateTimeOffset now)
    {
        workflow.Documents.Add(NewDocument(workflow.MainDocumentFilename, inSignaturePacket: true, now));
        foreach (var exhibit in workflow.Template.Exhibits)
        {
            workflow.Documents.Add(NewDocument(exhibit, inSignaturePacket: true, now));
        }
    }

    /// <summary>Call under the lock, when the last signature is in: every packet document gets its signed version.</summary>
    private static void AddSignedVersions(Workflow workflow)
    {
        foreach (var document in workflow.SignaturePacket)
        {
            document.Versions.Add(new DocumentVersion(NewDocumentKey(), document.Current.Number + 1, Signed: true, workflow.LastUpdated));
        }
    }

    private static WorkflowDocument NewDocument(string filename, bool inSignaturePacket, DateTimeOffset now)
    {
        var document = new WorkflowDocument { Key = NewDocumentKey(), Filename = filename, InSignaturePacket = inSignaturePacket };
        document.Versions.Add(new DocumentVersion(NewDocumentKey(), 1, Signed: false, now));
        return document;
    }

    private static void RequireReview(Workflow workflow, string message, bool badRequest = false)
    {
        if (workflow.Stage == WorkflowStage.Review && !workflow.IsFinished)
        {
            return;
        }

        var error = IroncladError.InvalidState($"{message}; it is at {WireNames.Step(workflow.Stage)} ({WireNames.Status(workflow.Status)})");
        throw badRequest ? IroncladApiException.BadRequest(error) : new IroncladApiException(StatusCodes.Status409Conflict, error);
    }

    private static string NewDocumentKey() => System.Security.Cryptography.RandomNumberGenerator.GetString(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 9);
}
