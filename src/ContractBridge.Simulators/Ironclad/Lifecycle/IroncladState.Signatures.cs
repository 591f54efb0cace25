using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// The signature packet's signers: made when the packet goes out (the counterparty's signer from the signer attributes,
/// external; the company's signer, internal: the second user, else the creator), signing one by one through the control
/// API (the last signature completes the packet, as in Ironclad), all at once on an advance, and reminded through
/// <c>POST …/sign-status/signers/{role}/remind</c>, at most once an hour (scaled) per signer, as Ironclad allows.
/// </summary>
public sealed partial class IroncladState
{
    public const string CounterpartySignerRole = "Counterparty Signer";
    public const string CompanySignerRole = "Company Signer";

    /// <summary>How often Ironclad lets one signer be reminded (real-world; scaled by the simulator's clock).</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromHours(1);

    /// <summary><c>GET /workflows/{id}/sign-status</c>; only a workflow at the Sign step has one.</summary>
    public JsonObject SignStatus(string idOrIroncladId)
    {
        lock (_gate)
        {
            var workflow = FindWorkflow(idOrIroncladId) ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
            RequireSignStep(workflow, $"This workflow is not at the Sign step, and is currently at the {WireNames.Step(workflow.Stage)} step");
            return SignStatusJsonWriter.Write(workflow);
        }
    }

    /// <summary>The signer of <paramref name="roleName"/> signs (control API); the last one to sign completes the packet.</summary>
    public WorkflowSnapshot Sign(string idOrIroncladId, string roleName) => Change(idOrIroncladId, workflow =>
    {
        if (workflow.Stage != WorkflowStage.Sign || workflow.Status != WorkflowStatus.Active)
        {
            throw new IroncladApiException(StatusCodes.Status409Conflict, IroncladError.InvalidState(
                $"workflow is not out for signature (it is at {WireNames.Step(workflow.Stage)}, {WireNames.Status(workflow.Status)})"));
        }

        var signer = FindSigner(workflow, roleName);
        if (signer.Status == SignerStatus.Signed)
        {
            throw new IroncladApiException(StatusCodes.Status409Conflict, IroncladError.InvalidState($"{roleName} has already signed", "signerRoleName"));
        }

        Touch(workflow);
        signer.Status = SignerStatus.Signed;
        signer.SignedAt = workflow.LastUpdated;
        if (workflow.Signers.TrueForAll(s => s.Status == SignerStatus.Signed))
        {
            AdvanceOne(workflow);
        }
    });

    /// <summary>Sends the signer of <paramref name="roleName"/> a reminder, and records it.</summary>
    public WorkflowSnapshot RemindSigner(string idOrIroncladId, string roleName) => Change(idOrIroncladId, workflow =>
    {
        if (workflow.Stage != WorkflowStage.Sign || workflow.Status != WorkflowStatus.Active)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState("Workflow must be on Sign Step."));
        }

        var signer = FindSigner(workflow, roleName);
        if (signer.Status == SignerStatus.Signed)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState($"{roleName} has already signed"));
        }

        var now = _clock.UtcNow;
        if (workflow.Reminders.LastOrDefault(r => r.RoleName == signer.RoleName) is { } last && now - last.At < _clock.Scaled(ReminderInterval))
        {
            throw new IroncladApiException(StatusCodes.Status429TooManyRequests, new IroncladError(
                "TOO_MANY_REQUESTS", "You cannot remind the signer at this time (you can only send one reminder per hour). Please try again later."));
        }

        workflow.Reminders.Add(new SignerReminder(signer.RoleName, signer.Email, now));
    }, touch: false);

    /// <summary>Call under the lock as the packet goes out: its signers, none signed yet.</summary>
    private void SendSignaturePacket(Workflow workflow)
    {
        workflow.Signers.Clear();
        if (workflow.Attributes["counterpartySignerEmail"] is JsonValue email && email.TryGetValue<string>(out var address))
        {
            var name = workflow.Attributes["counterpartySignerName"] is JsonValue named && named.TryGetValue<string>(out var text) ? text : address;
            workflow.Signers.Add(new WorkflowSigner { RoleName = CounterpartySignerRole, Name = name, Email = address });
        }

        var company = _users.Count > 1 ? _users[1] : workflow.Creator;
        workflow.Signers.Add(new WorkflowSigner { RoleName = CompanySignerRole, Name = company.DisplayName, Email = company.Email, UserId = company.Id });
    }

    /// <summary>Call under the lock when the packet completes: whoever has not signed yet signs now, and the documents are signed.</summary>
    private static void CollectEverySignature(Workflow workflow)
    {
        foreach (var signer in workflow.Signers.Where(s => s.Status != SignerStatus.Signed))
        {
            signer.Status = SignerStatus.Signed;
            signer.SignedAt = workflow.LastUpdated;
        }

        AddSignedVersions(workflow);
    }

    private static WorkflowSigner FindSigner(Workflow workflow, string roleName) =>
        workflow.Signers.Find(s => string.Equals(s.RoleName, roleName, StringComparison.Ordinal))
        ?? throw IroncladApiException.NotFound($"no signer with role '{roleName}' on this workflow", "signerRoleName");

    private static void RequireSignStep(Workflow workflow, string message)
    {
        if (workflow.Status == WorkflowStatus.Cancelled)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState("This workflow has been cancelled"));
        }

        if (workflow.Stage is not (WorkflowStage.Sign or WorkflowStage.Signed))
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState(message));
        }
    }
}
