using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>
/// The simulator's control and inspection API in-process (the same operations are served over HTTP under
/// <c>/_sim/</c> and wrapped by <see cref="IroncladSimulatorClient"/>). Lifecycle calls throw
/// <see cref="IroncladApiException"/> for an unknown workflow (404) or a move its state does not allow (400/409).
/// </summary>
public sealed class IroncladControl(
    IroncladState state,
    FaultInjector faults,
    FaultProfile initialFaults,
    CallCounter calls,
    WebhookSigningKey signingKey,
    OAuthTokenStore tokens)
{
    public IReadOnlyList<WorkflowTemplate> Templates => state.Templates;

    public IReadOnlyList<IroncladUser> Users => state.Users;

    public WorkflowTemplate PublishTemplate(TemplateDefinition definition) => state.PublishTemplate(definition);

    public IReadOnlyList<WorkflowTemplate> ReplaceTemplates(IEnumerable<TemplateDefinition> definitions) => state.ReplaceTemplates(definitions);

    public IReadOnlyList<WorkflowTemplate> ResetTemplates() => state.ResetTemplates();

    /// <summary>Re-publishes a template by id or name: it gets a new id and the old one answers NOT_FOUND.</summary>
    public WorkflowTemplate RepublishTemplate(string idOrName) => state.RepublishTemplate(idOrName);

    public void ReplaceUsers(IEnumerable<IroncladUser> users) => state.ReplaceUsers(users);

    public IReadOnlyList<WorkflowSnapshot> Workflows() => state.Workflows();

    public WorkflowSnapshot? Workflow(string idOrIroncladId) => state.Workflow(idOrIroncladId);

    public WorkflowSnapshot Advance(string idOrIroncladId) => state.Advance(idOrIroncladId);

    public WorkflowSnapshot AdvanceTo(string idOrIroncladId, WorkflowStage target) => state.AdvanceTo(idOrIroncladId, target);

    public WorkflowSnapshot Cancel(string idOrIroncladId) => state.Cancel(idOrIroncladId);

    public WorkflowSnapshot Pause(string idOrIroncladId) => state.Pause(idOrIroncladId);

    public WorkflowSnapshot Resume(string idOrIroncladId) => state.Resume(idOrIroncladId);

    public WorkflowSnapshot RevertToReview(string idOrIroncladId) => state.RevertToReview(idOrIroncladId);

    /// <summary>
    /// The signer of <paramref name="roleName"/> (<see cref="IroncladState.CounterpartySignerRole"/> or
    /// <see cref="IroncladState.CompanySignerRole"/>) signs; the last signature completes the packet. A signer never
    /// signed stays unsigned (an advance past Sign signs everyone).
    /// </summary>
    public WorkflowSnapshot Sign(string idOrIroncladId, string roleName) => state.Sign(idOrIroncladId, roleName);

    /// <summary>Adds a document (an exhibit) to a workflow in Review, in its signature packet unless told otherwise.</summary>
    public WorkflowSnapshot AddDocument(string idOrIroncladId, string filename, bool inSignaturePacket = true) =>
        state.AddDocument(idOrIroncladId, filename, inSignaturePacket);

    /// <summary>The workflow's activity-feed comments, oldest first; null when there is no such workflow.</summary>
    public IReadOnlyList<WorkflowComment>? Comments(string idOrIroncladId) => state.Comments(idOrIroncladId);

    /// <summary>
    /// A person comments on the workflow: the company's user with <see cref="ControlCommentRequest.AuthorEmail"/>, or
    /// someone of the counterparty; sends <c>workflow_comment_added</c>.
    /// </summary>
    public WorkflowComment PostComment(string idOrIroncladId, ControlCommentRequest comment)
    {
        if (comment.Counterparty is { } counterparty)
        {
            return state.AddCounterpartyComment(idOrIroncladId, counterparty, comment.Message, comment.RepliedTo);
        }

        var author = comment.AuthorEmail is { } email
            ? state.FindUserByEmail(email) ?? throw new ArgumentException($"no user with email {email}", nameof(comment))
            : throw new ArgumentException("a comment needs an authorEmail or a counterparty", nameof(comment));
        return state.AddComment(idOrIroncladId, author, comment.Message, repliedToId: comment.RepliedTo);
    }

    /// <summary>The workflow's approvals in the order they were requested; null when there is no such workflow.</summary>
    public IReadOnlyList<ApprovalView>? Approvals(string idOrIroncladId) => state.Approvals(idOrIroncladId);

    /// <summary>Triggers an approval on a workflow in Review.</summary>
    public ApprovalView RequestApproval(string idOrIroncladId, ControlApprovalRequest approval) =>
        state.RequestApproval(idOrIroncladId, approval.Role, approval.DisplayName, approval.AssigneeEmail, approval.Order);

    /// <summary>The assignee approves (<c>approved</c>) or takes the approval back (<c>pending</c>), as through the API.</summary>
    public ApprovalView SetApproval(string idOrIroncladId, string role, ControlApprovalStatus status) => status.Status switch
    {
        "approved" => state.SetApproval(idOrIroncladId, role, approved: true, approver: null),
        "pending" => state.SetApproval(idOrIroncladId, role, approved: false, approver: null),
        _ => throw new ArgumentException("status must be approved or pending", nameof(status)),
    };

    /// <summary>The turn history, first turn first; null when there is no such workflow.</summary>
    public IReadOnlyList<WorkflowTurn>? Turns(string idOrIroncladId) => state.Turns(idOrIroncladId);

    /// <summary>Passes the turn to the counterparty or back; sends <c>workflow_changed_turn</c>.</summary>
    public WorkflowTurn PassTurn(string idOrIroncladId, ControlTurnRequest turn) => state.PassTurn(idOrIroncladId, turn.Party, turn.UserEmail);

    public WorkflowSnapshot EmitEvent(string idOrIroncladId, string eventName, JsonObject? extraPayload = null) =>
        state.EmitCustomEvent(idOrIroncladId, eventName, extraPayload);

    /// <summary>Contract records (one per workflow that reached Archive).</summary>
    public IReadOnlyList<RecordSnapshot> Records() => state.Records();

    public RecordSnapshot? Record(string idOrIroncladId) => state.Record(idOrIroncladId);

    /// <summary>Sets or (null) removes a record's expiration date; announced by <c>record_contract_status_changed</c>.</summary>
    public RecordSnapshot SetRecordExpiration(string idOrIroncladId, DateOnly? expiration) => state.SetRecordExpiration(idOrIroncladId, expiration);

    /// <summary>Sets a record's contract status (e.g. inactive, "Expired on …"); announced by <c>record_contract_status_changed</c>.</summary>
    public RecordSnapshot SetRecordStatus(string idOrIroncladId, RecordContractStatus status) => state.SetRecordStatus(idOrIroncladId, status);

    /// <summary>Emits an event for a record without changing it (as a repeated delivery would).</summary>
    public RecordSnapshot EmitRecordEvent(string idOrIroncladId, string eventName) => state.EmitRecordEvent(idOrIroncladId, eventName);

    public string VerificationKeyPem => signingKey.PublicKeyPem;

    /// <summary>A new signing key pair; returns the new public key (PEM).</summary>
    public string RotateSigningKey() => signingKey.Rotate();

    public FaultProfile Faults => faults.Profile;

    /// <summary>Replaces the fault profile; throws <see cref="ArgumentOutOfRangeException"/> naming a bad field.</summary>
    public void SetFaults(FaultProfile profile) => faults.Set(profile);

    public void ClearFaults() => faults.Set(FaultProfile.None);

    public IReadOnlyList<WebhookSnapshot> Webhooks() => state.Webhooks();

    public IReadOnlyList<WebhookAttempt> WebhookAttempts() => state.WebhookAttempts;

    public int PendingWebhooks => state.PendingWebhooks;

    public CallCounts Calls() => calls.Snapshot();

    /// <summary>The first calls since the last reset, with their arrival times (<see cref="CallCounter.Timeline"/>).</summary>
    public IReadOnlyList<TimedCall> CallTimeline() => calls.Timeline;

    public void ResetCalls() => calls.Reset();

    /// <summary>Every OAuth token issued so far answers 401 "token has been revoked" from now on.</summary>
    public void RevokeTokens() => tokens.RevokeAll();

    /// <summary>Forgets workflows, jobs, webhooks, tokens and counts; restores templates, users and faults of the options.</summary>
    public void Reset()
    {
        state.Reset();
        tokens.Clear();
        calls.Reset();
        faults.Set(initialFaults);
    }

    public SimulatorStateReport Report() =>
        new(state.Templates, state.Users, state.Workflows(), state.Webhooks(), state.PendingWebhooks, calls.Snapshot());
}
