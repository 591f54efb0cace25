using System.Security.Cryptography;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Auth;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Kommo.Events;
using ContractBridge.Simulators.Kommo.Limits;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.SampleData;
using ContractBridge.Simulators.Kommo.Store;
using ContractBridge.Simulators.Kommo.Webhooks;

namespace ContractBridge.Simulators.Kommo.Control;

/// <summary>
/// The simulator's control and inspection surface, in process: seed the account, play a sales rep (move deals, create
/// them, edit them, delete them, write notes — each emits Kommo's webhooks), read back every note, task and attachment, count calls, set faults,
/// block and unblock. <see cref="KommoControlEndpoints"/> serves the same operations under <c>/_sim/</c>, and
/// <see cref="KommoSimulatorClient"/> calls those from another process. Nothing here is rate limited or faulted.
/// Bad requests throw <see cref="ArgumentException"/> saying what to fix.
/// </summary>
public sealed partial class KommoControl
{
    private readonly KommoSimulatorOptions _options;
    private readonly SimulatorClock _clock;
    private readonly KommoStore _store;
    private readonly KommoTokenStore _tokens;
    private readonly KommoRateGate _gate;
    private readonly KommoWebhookEmitter _webhooks;
    private readonly FaultInjector _faults;
    private readonly CallCounter _calls;

    internal KommoControl(
        KommoSimulatorOptions options,
        SimulatorClock clock,
        KommoStore store,
        KommoTokenStore tokens,
        KommoRateGate gate,
        KommoWebhookEmitter webhooks,
        FaultInjector faults,
        CallCounter calls)
    {
        _options = options;
        _clock = clock;
        _store = store;
        _tokens = tokens;
        _gate = gate;
        _webhooks = webhooks;
        _faults = faults;
        _calls = calls;
    }

    // ---- Seeding: the account as it was before the bridge looked. No webhooks. ----

    /// <summary>Empties the account (keeps its admin user and the contacts' EMAIL/PHONE fields), rate windows, block and call counts.</summary>
    public void Reset()
    {
        _store.Replace(data => AccountSeeder.InitializeAccount(data, _options));
        _gate.Reset();
        _calls.Reset();
        _webhooks.ClearEmitted();
    }

    /// <summary>Adds the realistic sample account (see <see cref="KommoSampleAccount"/>) to what is there.</summary>
    public SampleAccountIds LoadSampleData() => _store.Write(data => KommoSampleAccount.Seed(data, Now()));

    public long AddUser(SeedUser user) => _store.Write(data => AccountSeeder.AddUser(data, user));

    public SeededPipeline AddPipeline(SeedPipeline pipeline) => _store.Write(data => AccountSeeder.AddPipeline(data, pipeline));

    public long AddLossReason(SeedLossReason reason) => _store.Write(data => AccountSeeder.AddLossReason(data, reason, Now()));

    public SeededCustomField AddCustomField(SeedCustomField field) => _store.Write(data => AccountSeeder.AddCustomField(data, field));

    public long AddCompany(SeedCompany company) => _store.Write(data => AccountSeeder.AddCompany(data, company, Now()));

    public long AddContact(SeedContact contact) => _store.Write(data => AccountSeeder.AddContact(data, contact, Now()));

    /// <summary>Adds a lead that was already there: no webhook. Use <see cref="CreateLead"/> for a rep creating one now.</summary>
    public long AddLead(SeedLead lead) => _store.Write(data => AccountSeeder.AddLead(data, lead, Now()).Id);

    // ---- A sales rep at work: these emit webhooks exactly as the same change in Kommo would. ----

    /// <summary>
    /// Drags the leads to a stage, all at once: one webhook body per destination holds every lead that moved
    /// (status_lead, and update_lead). Leads already there do not count. Returns the ids that moved.
    /// </summary>
    public IReadOnlyList<long> MoveLeads(MoveLeads move)
    {
        if (move.LeadIds.Count == 0)
        {
            throw new ArgumentException("lead_ids must name at least one lead.");
        }

        var now = Now();
        var (moved, events) = _store.Write(data =>
        {
            var planned = new List<(KommoLead Lead, LeadPatch Patch, long UserId)>();
            foreach (var leadId in move.LeadIds.Distinct())
            {
                var lead = data.Leads.GetValueOrDefault(leadId) ?? throw new ArgumentException($"Lead {leadId} does not exist.");
                var errors = new List<Api.ValidationError>();
                var (pipelineId, statusId) = LeadPatchReader.ResolveStage(move.PipelineId, move.StatusId, lead, data, errors);
                if (errors.Count > 0)
                {
                    throw new ArgumentException(
                        $"Stage {move.StatusId} is not in pipeline {move.PipelineId ?? lead.PipelineId} of lead {leadId} ({errors[0].Path}).");
                }

                if (move.LossReasonId is { } reason && !data.LossReasons.ContainsKey(reason))
                {
                    throw new ArgumentException($"Loss reason {reason} does not exist.");
                }

                var userId = RepOf(data, move.ByUserId, lead);
                planned.Add((lead, new LeadPatch
                {
                    PipelineId = pipelineId,
                    StatusId = statusId,
                    SetsLossReason = move.LossReasonId is not null,
                    LossReasonId = move.LossReasonId,
                }, userId));
            }

            var movedIds = new List<long>();
            var all = new List<LeadEvent>();
            foreach (var (lead, patch, userId) in planned)
            {
                var change = LeadMutation.Apply(lead, patch, userId, now);
                LeadEventLog.Record(data, lead, change, userId, now);
                if (change.StatusChanged)
                {
                    movedIds.Add(lead.Id);
                }

                all.AddRange(LeadMutation.EventsOf(lead, change, data, _options.AccountId, userId));
            }

            return (movedIds, all);
        });
        _webhooks.Emit(events);
        return moved;
    }

    /// <summary>A rep creates a deal directly in a stage: sends add_lead. Returns the new lead's id.</summary>
    public long CreateLead(SeedLead lead)
    {
        var now = Now();
        var (id, events) = _store.Write(data =>
        {
            var created = AccountSeeder.AddLead(data, lead, now);
            var fields = LeadWebhookFields.Of(created, data, _options.AccountId, created.ResponsibleUserId);
            return (created.Id, new[] { new LeadEvent(LeadEvent.Add, created.Id, fields) });
        });
        _webhooks.Emit(events);
        return id;
    }

    /// <summary>A rep edits a deal's card (name, price, responsible user, custom fields): sends update_lead when anything changed.</summary>
    public void EditLead(EditLead edit)
    {
        var now = Now();
        var events = _store.Write(data =>
        {
            var lead = data.Leads.GetValueOrDefault(edit.LeadId) ?? throw new ArgumentException($"Lead {edit.LeadId} does not exist.");
            if (edit.ResponsibleUserId is { } responsible && !data.Users.ContainsKey(responsible))
            {
                throw new ArgumentException($"User {responsible} does not exist.");
            }

            var userId = RepOf(data, edit.ByUserId, lead);
            var patch = new LeadPatch
            {
                Name = edit.Name,
                Price = edit.Price,
                ResponsibleUserId = edit.ResponsibleUserId,
                CustomFields = AccountSeeder.ReadValues(data, "leads", edit.CustomFields),
            };
            var change = LeadMutation.Apply(lead, patch, userId, now);
            return LeadMutation.EventsOf(lead, change, data, _options.AccountId, userId).ToList();
        });
        _webhooks.Emit(events);
    }

    /// <summary>
    /// A rep deletes a deal: the API no longer knows it (GET answers 204, a note, task or PATCH naming it is a
    /// <c>NotFound</c> validation error), and its notes and tasks go with it. Sends delete_lead, which carries only the
    /// lead's id, stage and pipeline (<c>leads[delete][0][id]</c>, <c>[status_id]</c>, <c>[pipeline_id]</c>).
    /// </summary>
    public void DeleteLead(long leadId) => _webhooks.Emit([_store.Write(data => LeadRemoval.Remove(data, leadId))]);

    /// <summary>A rep writes a common note on a deal: sends note_lead with the rep as created_by. Returns the note's id.</summary>
    public long WriteNote(WriteNote note)
    {
        if (string.IsNullOrEmpty(note.Text))
        {
            throw new ArgumentException("text must not be empty.");
        }

        var now = Now();
        var written = _store.Write(data =>
        {
            var lead = data.Leads.GetValueOrDefault(note.LeadId) ?? throw new ArgumentException($"Lead {note.LeadId} does not exist.");
            return RepNote.Write(data, lead.Id, RepOf(data, note.ByUserId, lead), note.Text, now);
        });
        _webhooks.Emit([NoteWebhookFields.EventOf(written, _options.AccountId)]);
        return written.Id;
    }

    // ---- Inspection: what the bridge really did, read from the simulator, not from the bridge. ----

    public KommoStateSummary Summary => _store.Read(data => new KommoStateSummary(
        data.Users.Count, data.Pipelines.Count, data.CustomFields.Count, data.Leads.Count, data.Contacts.Count,
        data.Companies.Count, data.Notes.Count, data.Tasks.Count, data.Files.Count, data.Webhooks.Count));

    /// <summary>The lead with every note, task and attachment on it; null when there is no such lead.</summary>
    public LeadInspection? GetLead(long leadId) => _store.Read(data => data.Leads.TryGetValue(leadId, out var lead)
        ? KommoInspection.Lead(lead, data)
        : null);

    /// <summary>Every lead note in the account, oldest first.</summary>
    public IReadOnlyList<NoteView> GetNotes() => _store.Read(data => data.Notes.Values.Select(KommoInspection.Note).ToList());

    public IReadOnlyList<TaskView> GetTasks() => _store.Read(data => data.Tasks.Values.Select(KommoInspection.Task).ToList());

    public IReadOnlyList<DriveFileView> GetFiles() => _store.Read(data => data.Files.Values.Select(KommoInspection.File).ToList());

    /// <summary>The uploaded bytes of a drive file; null when there is no such file.</summary>
    public byte[]? GetFileContent(Guid uuid) => _store.Read(data => data.Files.TryGetValue(uuid, out var file) ? file.Content.ToArray() : null);

    /// <summary>Calls per endpoint ("PATCH /api/v4/leads"), 429s, 5xx, resets and lost responses since start or the last reset.</summary>
    public CallCounts Calls => _calls.Snapshot();

    /// <summary>The first calls since the last reset, with their arrival times (<see cref="CallCounter.Timeline"/>).</summary>
    public IReadOnlyList<TimedCall> CallTimeline => _calls.Timeline;

    public void ResetCalls() => _calls.Reset();

    public IReadOnlyList<WebhookSubscriptionView> Webhooks => _store.Read(data => data.Webhooks.Values
        .Select(w => new WebhookSubscriptionView(w.Id, w.Destination, w.Settings, w.Sort, w.Disabled, w.RecentFailures.Count))
        .ToList());

    /// <summary>Every webhook body produced, per destination, before webhook faults (a dropped one is listed too).</summary>
    public IReadOnlyList<EmittedWebhook> EmittedWebhooks => _webhooks.Emitted;

    /// <summary>Every delivery attempt with the receiver's status code or the error; attempt 0 marks a dropped webhook.</summary>
    public IReadOnlyList<WebhookAttempt> WebhookAttempts => _webhooks.Attempts;

    /// <summary>Webhooks still being delivered (waiting for a retry, a delay or the receiver).</summary>
    public int PendingWebhooks => _webhooks.Pending;

    /// <summary>
    /// What Kommo does to a destination after more than 100 invalid answers in 2 hours, at once: a test of what follows a
    /// disabled hook need not drive a hundred failures (the emitter's own rule is tested on its own).
    /// </summary>
    public void DisableWebhook(Uri destination) => _store.Write(data =>
    {
        var webhook = data.Webhooks.Values.FirstOrDefault(w => w.Destination == destination)
            ?? throw new ArgumentException($"No webhook is registered for {destination}.");
        webhook.Disabled = true;
    });

    /// <summary>What an admin does in Kommo's settings: re-enables a webhook disabled after too many invalid answers.</summary>
    public void EnableWebhook(Uri destination) => _store.Write(data =>
    {
        var webhook = data.Webhooks.Values.FirstOrDefault(w => w.Destination == destination)
            ?? throw new ArgumentException($"No webhook is registered for {destination}.");
        webhook.Disabled = false;
        webhook.RecentFailures.Clear();
    });

    public OAuthStats OAuth => _tokens.Stats;

    /// <summary>An admin clicks "Allow": the code can be exchanged once at /oauth2/access_token within 20 minutes.</summary>
    public AuthorizationCode IssueAuthorizationCode() => new(_tokens.IssueAuthorizationCode(_clock.UtcNow), _tokens.RedirectUri);

    /// <summary>
    /// What an admin does in the integration's settings in Kommo: sets the redirect URI the consent page sends codes to
    /// (a bridge's <c>{PublicUrl}/oauth/kommo/callback</c>, known only once it listens).
    /// </summary>
    public void SetRedirectUri(Uri redirectUri)
    {
        if (!redirectUri.IsAbsoluteUri || (redirectUri.Scheme != Uri.UriSchemeHttp && redirectUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The redirect URI must be an absolute http(s) URL (it is '{redirectUri}').");
        }

        _tokens.RedirectUri = redirectUri.ToString();
    }

    /// <summary>Installs another private integration: its own token, its own 7 req/s, the same 50 req/s account limit.</summary>
    public IntegrationCredentials AddIntegration()
    {
        var (id, token) = _tokens.AddIntegration();
        return new IntegrationCredentials(id, token);
    }

    public BlockStatus Block => _gate.Status;

    /// <summary>Blocks the account now (every call 403 with an HTML body), to test a client's handling of it.</summary>
    public void BlockAccount() => _gate.Block();

    /// <summary>What Kommo support does after a block.</summary>
    public void Unblock() => _gate.Unblock();

    public FaultProfile Faults => _faults.Profile;

    /// <summary>Replaces the fault profile; throws <see cref="ArgumentOutOfRangeException"/> naming a bad field.</summary>
    public void SetFaults(FaultProfile profile) => _faults.Set(profile);

    public void ClearFaults() => _faults.Set(FaultProfile.None);

    internal static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private long Now() => _clock.UtcNow.ToUnixTimeSeconds();

    private static long RepOf(KommoAccountData data, long? byUserId, KommoLead lead)
    {
        if (byUserId is { } id && !data.Users.ContainsKey(id))
        {
            throw new ArgumentException($"User {id} does not exist.");
        }

        return byUserId ?? lead.ResponsibleUserId;
    }
}
