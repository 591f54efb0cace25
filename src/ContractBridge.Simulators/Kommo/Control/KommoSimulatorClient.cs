using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Auth;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Kommo.Limits;
using ContractBridge.Simulators.Kommo.Webhooks;

namespace ContractBridge.Simulators.Kommo.Control;

/// <summary>
/// A typed client of the Kommo simulator's control API (<c>/_sim/</c>), for benchmarks and demos that run the simulator
/// in another process. <paramref name="http"/>'s BaseAddress is the simulator's root, e.g. <c>http://127.0.0.1:5123/</c>.
/// A 400 throws <see cref="KommoSimulatorControlException"/> with the simulator's message.
/// </summary>
public sealed class KommoSimulatorClient(HttpClient http)
{
    public Task<KommoStateSummary> GetStateAsync(CancellationToken cancellationToken = default) =>
        GetAsync<KommoStateSummary>("_sim/state", cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken = default) => PostAsync("_sim/reset", cancellationToken);

    public Task<SampleAccountIds> LoadSampleDataAsync(CancellationToken cancellationToken = default) =>
        PostAsync<object?, SampleAccountIds>("_sim/sample-data", null, cancellationToken);

    public async Task<long> AddUserAsync(SeedUser user, CancellationToken cancellationToken = default) =>
        (await PostAsync<SeedUser, CreatedId>("_sim/users", user, cancellationToken)).Id;

    public Task<SeededPipeline> AddPipelineAsync(SeedPipeline pipeline, CancellationToken cancellationToken = default) =>
        PostAsync<SeedPipeline, SeededPipeline>("_sim/pipelines", pipeline, cancellationToken);

    public async Task<long> AddLossReasonAsync(SeedLossReason reason, CancellationToken cancellationToken = default) =>
        (await PostAsync<SeedLossReason, CreatedId>("_sim/loss-reasons", reason, cancellationToken)).Id;

    public Task<SeededCustomField> AddCustomFieldAsync(SeedCustomField field, CancellationToken cancellationToken = default) =>
        PostAsync<SeedCustomField, SeededCustomField>("_sim/custom-fields", field, cancellationToken);

    /// <summary>An admin deletes a custom field (and every value of it).</summary>
    public Task DeleteCustomFieldAsync(long fieldId, CancellationToken cancellationToken = default) =>
        PostAsync<DeleteCustomField, CreatedId>("_sim/custom-fields/delete", new DeleteCustomField(fieldId), cancellationToken);

    public async Task<long> AddCompanyAsync(SeedCompany company, CancellationToken cancellationToken = default) =>
        (await PostAsync<SeedCompany, CreatedId>("_sim/companies", company, cancellationToken)).Id;

    public async Task<long> AddContactAsync(SeedContact contact, CancellationToken cancellationToken = default) =>
        (await PostAsync<SeedContact, CreatedId>("_sim/contacts", contact, cancellationToken)).Id;

    /// <summary>Adds a lead that was already there (no webhook).</summary>
    public async Task<long> AddLeadAsync(SeedLead lead, CancellationToken cancellationToken = default) =>
        (await PostAsync<SeedLead, CreatedId>("_sim/leads", lead, cancellationToken)).Id;

    /// <summary>A rep drags the leads to a stage together: one webhook body per destination. Returns the ids that moved.</summary>
    public async Task<IReadOnlyList<long>> MoveLeadsAsync(MoveLeads move, CancellationToken cancellationToken = default) =>
        (await PostAsync<MoveLeads, MovedLeads>("_sim/rep/move-leads", move, cancellationToken)).Moved;

    /// <summary>A rep creates a deal in a stage (add_lead webhook).</summary>
    public async Task<long> CreateLeadAsync(SeedLead lead, CancellationToken cancellationToken = default) =>
        (await PostAsync<SeedLead, CreatedId>("_sim/rep/create-lead", lead, cancellationToken)).Id;

    /// <summary>A rep edits a deal (update_lead webhook).</summary>
    public Task EditLeadAsync(EditLead edit, CancellationToken cancellationToken = default) =>
        PostAsync<EditLead, CreatedId>("_sim/rep/edit-lead", edit, cancellationToken);

    public Task EditContactAsync(EditContact edit, CancellationToken cancellationToken = default) =>
        PostAsync<EditContact, CreatedId>("_sim/rep/edit-contact", edit, cancellationToken);

    public Task EditCompanyAsync(EditCompany edit, CancellationToken cancellationToken = default) =>
        PostAsync<EditCompany, CreatedId>("_sim/rep/edit-company", edit, cancellationToken);

    /// <summary>A rep deletes a deal with its notes and tasks (delete_lead webhook).</summary>
    public Task DeleteLeadAsync(long leadId, CancellationToken cancellationToken = default) =>
        PostAsync<DeleteLead, CreatedId>("_sim/rep/delete-lead", new DeleteLead(leadId), cancellationToken);

    /// <summary>A rep writes a common note on a deal (note_lead webhook). Returns the note's id.</summary>
    public async Task<long> WriteNoteAsync(WriteNote note, CancellationToken cancellationToken = default) =>
        (await PostAsync<WriteNote, CreatedId>("_sim/rep/write-note", note, cancellationToken)).Id;

    /// <summary>The lead with every note, task and attachment; null when it does not exist.</summary>
    public async Task<LeadInspection?> GetLeadAsync(long leadId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri($"_sim/leads/{leadId}", UriKind.Relative), cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync<LeadInspection>(response, cancellationToken);
    }

    public Task<IReadOnlyList<NoteView>> GetNotesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<NoteView>>("_sim/notes", cancellationToken);

    public Task<IReadOnlyList<TaskView>> GetTasksAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<TaskView>>("_sim/tasks", cancellationToken);

    public Task<IReadOnlyList<DriveFileView>> GetFilesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<DriveFileView>>("_sim/files", cancellationToken);

    public async Task<byte[]> GetFileContentAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri($"_sim/files/{uuid}/content", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public Task<CallCounts> GetCallsAsync(CancellationToken cancellationToken = default) => GetAsync<CallCounts>("_sim/calls", cancellationToken);

    public Task ResetCallsAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Delete, "_sim/calls", cancellationToken);

    public Task<IReadOnlyList<WebhookSubscriptionView>> GetWebhooksAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<WebhookSubscriptionView>>("_sim/webhooks", cancellationToken);

    public Task EnableWebhookAsync(Uri destination, CancellationToken cancellationToken = default) =>
        PostAsync<WebhookDestination, IReadOnlyList<WebhookSubscriptionView>>("_sim/webhooks/enable", new WebhookDestination(destination), cancellationToken);

    public Task DisableWebhookAsync(Uri destination, CancellationToken cancellationToken = default) =>
        PostAsync<WebhookDestination, IReadOnlyList<WebhookSubscriptionView>>("_sim/webhooks/disable", new WebhookDestination(destination), cancellationToken);

    public Task<IReadOnlyList<EmittedWebhook>> GetEmittedWebhooksAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<EmittedWebhook>>("_sim/webhooks/emitted", cancellationToken);

    public Task<IReadOnlyList<WebhookAttempt>> GetWebhookAttemptsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<WebhookAttempt>>("_sim/webhooks/attempts", cancellationToken);

    public async Task<int> GetPendingWebhooksAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<PendingWebhooks>("_sim/webhooks/pending", cancellationToken)).Pending;

    public Task<OAuthStats> GetOAuthStatsAsync(CancellationToken cancellationToken = default) => GetAsync<OAuthStats>("_sim/oauth", cancellationToken);

    public Task<AuthorizationCode> IssueAuthorizationCodeAsync(CancellationToken cancellationToken = default) =>
        PostAsync<object?, AuthorizationCode>("_sim/oauth/authorization-codes", null, cancellationToken);

    public Task<IntegrationRedirect> SetRedirectUriAsync(Uri redirectUri, CancellationToken cancellationToken = default) =>
        PutAsync<IntegrationRedirect, IntegrationRedirect>("_sim/oauth/redirect-uri", new IntegrationRedirect(redirectUri), cancellationToken);

    private async Task<TResponse> PutAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, KommoControlJson.Options, cancellationToken);
        return await ReadAsync<TResponse>(response, cancellationToken);
    }

    public Task<IntegrationCredentials> AddIntegrationAsync(CancellationToken cancellationToken = default) =>
        PostAsync<object?, IntegrationCredentials>("_sim/integrations", null, cancellationToken);

    public Task<BlockStatus> GetBlockAsync(CancellationToken cancellationToken = default) => GetAsync<BlockStatus>("_sim/block", cancellationToken);

    public Task BlockAccountAsync(CancellationToken cancellationToken = default) => PostAsync("_sim/block", cancellationToken);

    public Task UnblockAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Delete, "_sim/block", cancellationToken);

    public Task<FaultProfile> GetFaultsAsync(CancellationToken cancellationToken = default) => GetAsync<FaultProfile>("_sim/faults", cancellationToken);

    public async Task SetFaultsAsync(FaultProfile profile, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync(new Uri("_sim/faults", UriKind.Relative), profile, KommoControlJson.Options, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public Task ClearFaultsAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Delete, "_sim/faults", cancellationToken);

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, KommoControlJson.Options, cancellationToken);
        return await ReadAsync<TResponse>(response, cancellationToken);
    }

    private Task PostAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, cancellationToken);

    private async Task SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(KommoControlJson.Options, cancellationToken)
            ?? throw new KommoSimulatorControlException($"The simulator answered {response.RequestMessage?.RequestUri} with an empty body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ControlError? error = null;
        try
        {
            error = System.Text.Json.JsonSerializer.Deserialize<ControlError>(text, KommoControlJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        throw new KommoSimulatorControlException(
            $"The Kommo simulator refused {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {error?.Error ?? text}");
    }
}
