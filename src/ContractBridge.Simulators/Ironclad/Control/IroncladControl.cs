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

    /// <summary>The workflow's activity-feed comments, oldest first; null when there is no such workflow.</summary>
    public IReadOnlyList<WorkflowComment>? Comments(string idOrIroncladId) => state.Comments(idOrIroncladId);

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
