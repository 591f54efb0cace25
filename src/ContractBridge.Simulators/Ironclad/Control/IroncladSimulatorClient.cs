using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>
/// A typed client of the simulator's <c>/_sim/</c> control API, for benchmarks and tests that run the simulator in
/// another process. <see cref="HttpClient.BaseAddress"/> must be the simulator's root (e.g. <c>http://127.0.0.1:5123/</c>).
/// Failed calls throw <see cref="HttpRequestException"/> with the status code.
/// </summary>
public sealed class IroncladSimulatorClient(HttpClient http)
{
    public Task<SimulatorStateReport> StateAsync(CancellationToken cancellationToken = default) =>
        GetAsync<SimulatorStateReport>("_sim/state", cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Post, "_sim/reset", null, cancellationToken);

    public Task<List<WorkflowTemplate>> TemplatesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<WorkflowTemplate>>("_sim/templates", cancellationToken);

    public Task<List<WorkflowTemplate>> ReplaceTemplatesAsync(IEnumerable<TemplateDefinition> definitions, CancellationToken cancellationToken = default) =>
        SendAsync<List<WorkflowTemplate>>(HttpMethod.Put, "_sim/templates", definitions, cancellationToken);

    public Task<WorkflowTemplate> PublishTemplateAsync(TemplateDefinition definition, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowTemplate>(HttpMethod.Post, "_sim/templates", definition, cancellationToken);

    public Task<List<WorkflowTemplate>> ResetTemplatesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<WorkflowTemplate>>(HttpMethod.Post, "_sim/templates/reset", null, cancellationToken);

    public Task<WorkflowTemplate> RepublishTemplateAsync(string idOrName, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowTemplate>(HttpMethod.Post, $"_sim/templates/{Uri.EscapeDataString(idOrName)}/republish", null, cancellationToken);

    public Task<List<IroncladUser>> ReplaceUsersAsync(IEnumerable<IroncladUser> users, CancellationToken cancellationToken = default) =>
        SendAsync<List<IroncladUser>>(HttpMethod.Put, "_sim/users", users, cancellationToken);

    public Task<List<WorkflowSnapshot>> WorkflowsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<WorkflowSnapshot>>("_sim/workflows", cancellationToken);

    public Task<WorkflowSnapshot> WorkflowAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        GetAsync<WorkflowSnapshot>($"_sim/workflows/{Uri.EscapeDataString(idOrIroncladId)}", cancellationToken);

    /// <summary>One stage on, or with <paramref name="to"/> stage by stage to that stage.</summary>
    public Task<WorkflowSnapshot> AdvanceAsync(string idOrIroncladId, WorkflowStage? to = null, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowSnapshot>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "advance"), new AdvanceRequest(to), cancellationToken);

    public Task<WorkflowSnapshot> CancelAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowSnapshot>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "cancel"), null, cancellationToken);

    public Task<WorkflowSnapshot> PauseAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowSnapshot>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "pause"), null, cancellationToken);

    public Task<WorkflowSnapshot> ResumeAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowSnapshot>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "resume"), null, cancellationToken);

    public Task<WorkflowSnapshot> RevertToReviewAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowSnapshot>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "revert-to-review"), null, cancellationToken);

    public Task<List<WorkflowComment>> CommentsAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        GetAsync<List<WorkflowComment>>(WorkflowPath(idOrIroncladId, "comments"), cancellationToken);

    /// <summary>A person comments: a user of the company by email, or someone of the counterparty.</summary>
    public Task<WorkflowComment> PostCommentAsync(string idOrIroncladId, ControlCommentRequest comment, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowComment>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "comments"), comment, cancellationToken);

    public Task<List<ApprovalView>> ApprovalsAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        GetAsync<List<ApprovalView>>(WorkflowPath(idOrIroncladId, "approvals"), cancellationToken);

    public Task<ApprovalView> RequestApprovalAsync(string idOrIroncladId, ControlApprovalRequest approval, CancellationToken cancellationToken = default) =>
        SendAsync<ApprovalView>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "approvals"), approval, cancellationToken);

    /// <summary>The assignee of <paramref name="role"/> approves (<c>approved</c>) or takes it back (<c>pending</c>).</summary>
    public Task<ApprovalView> SetApprovalAsync(string idOrIroncladId, string role, string status, CancellationToken cancellationToken = default) =>
        SendAsync<ApprovalView>(HttpMethod.Post, WorkflowPath(idOrIroncladId, $"approvals/{Uri.EscapeDataString(role)}"), new ControlApprovalStatus(status), cancellationToken);

    public Task<List<WorkflowTurn>> TurnsAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        GetAsync<List<WorkflowTurn>>(WorkflowPath(idOrIroncladId, "turns"), cancellationToken);

    public Task<WorkflowTurn> PassTurnAsync(string idOrIroncladId, ControlTurnRequest turn, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowTurn>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "turn"), turn, cancellationToken);

    /// <summary>The signer of <paramref name="roleName"/> signs; the last signature completes the packet.</summary>
    public Task<WorkflowSnapshot> SignAsync(string idOrIroncladId, string roleName, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowSnapshot>(HttpMethod.Post, WorkflowPath(idOrIroncladId, $"signers/{Uri.EscapeDataString(roleName)}/sign"), null, cancellationToken);

    /// <summary>Adds a document to a workflow in Review (in its signature packet unless <paramref name="signaturePacket"/> is false).</summary>
    public Task<WorkflowSnapshot> AddDocumentAsync(string idOrIroncladId, string filename, bool signaturePacket = true, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowSnapshot>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "documents"), new AddDocumentRequest(filename, signaturePacket), cancellationToken);

    public Task<WorkflowSnapshot> EmitEventAsync(string idOrIroncladId, string eventName, JsonObject? extraPayload = null, CancellationToken cancellationToken = default) =>
        SendAsync<WorkflowSnapshot>(HttpMethod.Post, WorkflowPath(idOrIroncladId, "events"), new EmitEventRequest(eventName, extraPayload), cancellationToken);

    public Task<List<RecordSnapshot>> RecordsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<RecordSnapshot>>("_sim/records", cancellationToken);

    public Task<RecordSnapshot> RecordAsync(string idOrIroncladId, CancellationToken cancellationToken = default) =>
        GetAsync<RecordSnapshot>($"_sim/records/{Uri.EscapeDataString(idOrIroncladId)}", cancellationToken);

    /// <summary>Sets or (null) removes the record's expiration date; Ironclad announces it with record_contract_status_changed.</summary>
    public Task<RecordSnapshot> SetRecordExpirationAsync(string idOrIroncladId, DateOnly? expiration, CancellationToken cancellationToken = default) =>
        SendAsync<RecordSnapshot>(HttpMethod.Put, RecordPath(idOrIroncladId, "expiration-date"), new RecordExpirationRequest(expiration), cancellationToken);

    public Task<RecordSnapshot> SetRecordStatusAsync(string idOrIroncladId, RecordContractStatus status, CancellationToken cancellationToken = default) =>
        SendAsync<RecordSnapshot>(HttpMethod.Put, RecordPath(idOrIroncladId, "contract-status"), status, cancellationToken);

    public Task<RecordSnapshot> EmitRecordEventAsync(string idOrIroncladId, string eventName, CancellationToken cancellationToken = default) =>
        SendAsync<RecordSnapshot>(HttpMethod.Post, RecordPath(idOrIroncladId, "events"), new EmitEventRequest(eventName), cancellationToken);

    /// <summary>Rotates the webhook signing key; returns the new public key (PEM).</summary>
    public async Task<string> RotateSigningKeyAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync<JsonObject>(HttpMethod.Post, "_sim/signing-key/rotate", null, cancellationToken);
        return answer["publicKeyPem"]!.GetValue<string>();
    }

    public Task<FaultProfile> FaultsAsync(CancellationToken cancellationToken = default) => GetAsync<FaultProfile>("_sim/faults", cancellationToken);

    public Task<FaultProfile> SetFaultsAsync(FaultProfile profile, CancellationToken cancellationToken = default) =>
        SendAsync<FaultProfile>(HttpMethod.Put, "_sim/faults", profile, cancellationToken);

    public Task<FaultProfile> ClearFaultsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<FaultProfile>(HttpMethod.Delete, "_sim/faults", null, cancellationToken);

    public Task<List<WebhookSnapshot>> WebhooksAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<WebhookSnapshot>>("_sim/webhooks", cancellationToken);

    public Task<List<WebhookAttempt>> WebhookAttemptsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<WebhookAttempt>>("_sim/webhook-attempts", cancellationToken);

    public Task<CallCounts> CallsAsync(CancellationToken cancellationToken = default) => GetAsync<CallCounts>("_sim/calls", cancellationToken);

    public Task ResetCallsAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Delete, "_sim/calls", null, cancellationToken);

    public Task RevokeTokensAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Post, "_sim/oauth/revoke", null, cancellationToken);

    private static string RecordPath(string idOrIroncladId, string action) => $"_sim/records/{Uri.EscapeDataString(idOrIroncladId)}/{action}";

    private static string WorkflowPath(string idOrIroncladId, string action) => $"_sim/workflows/{Uri.EscapeDataString(idOrIroncladId)}/{action}";

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<T>(path, ControlJson.Options, cancellationToken)
        ?? throw new InvalidOperationException($"GET {path} answered null");

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(ControlJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"{method} {path} answered null");
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ControlJson.Options);
        }

        var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        return response;
    }
}
