using System.Security.Cryptography;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Everything the simulated Ironclad company holds: templates, users, workflows, webhook registrations, async launch
/// jobs. One lock guards it all (the simulator's load is far below where that matters, and one lock makes every change
/// atomic and every event order well defined). Webhooks are queued under the lock and sent after it.
/// The parts live in partial files by concern.
/// </summary>
public sealed partial class IroncladState : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly IroncladSimulatorOptions _options;
    private readonly SimulatorClock _clock;
    private readonly IroncladWebhookEmitter _emitter;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<WorkflowTemplate> _templates = [];
    private readonly List<IroncladUser> _users = [];

    public IroncladState(IroncladSimulatorOptions options, SimulatorClock clock, FaultInjector faults, WebhookSigningKey signingKey)
    {
        _options = options;
        _clock = clock;
        _logger = options.LoggerFactory.CreateLogger<IroncladState>();
        _emitter = new IroncladWebhookEmitter(options, clock, faults, signingKey, RecordDeliveryOutcome, StillDelivering);
        _users.AddRange(options.Users);
        ResetTemplates();
    }

    /// <summary>Where the server listens, for the absolute URLs in answers; asked each time, as it is known only after start.</summary>
    public Func<Uri> BaseUrlSource { get; set; } = static () => new Uri("http://127.0.0.1/");

    public Uri BaseUrl => BaseUrlSource();

    public bool SeedDialect => _options.SeedDialectWebhookSecret is not null;

    public IReadOnlyList<WebhookAttempt> WebhookAttempts => _emitter.Attempts;

    /// <summary>Webhook deliveries not yet finished (queued, in flight or waiting to retry).</summary>
    public int PendingWebhooks => _emitter.Pending;

    public IReadOnlyList<WorkflowTemplate> Templates
    {
        get
        {
            lock (_gate)
            {
                return [.. _templates];
            }
        }
    }

    public IReadOnlyList<IroncladUser> Users
    {
        get
        {
            lock (_gate)
            {
                return [.. _users];
            }
        }
    }

    public WorkflowTemplate? FindTemplate(string id)
    {
        lock (_gate)
        {
            return _templates.Find(t => string.Equals(t.Id, id, StringComparison.Ordinal));
        }
    }

    public WorkflowTemplate? FindTemplateByName(string name)
    {
        lock (_gate)
        {
            return _templates.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Publishes a template; one with the same name is replaced (its old id stops answering).</summary>
    public WorkflowTemplate PublishTemplate(TemplateDefinition definition)
    {
        lock (_gate)
        {
            var index = _templates.FindIndex(t => string.Equals(t.Name, definition.Name, StringComparison.OrdinalIgnoreCase));
            var revision = index >= 0 ? _templates[index].Revision + 1 : 1;
            var template = new WorkflowTemplate(NewObjectId(), definition.Name, definition.Attributes, revision) { Exhibits = definition.Exhibits };
            if (index >= 0)
            {
                _templates[index] = template;
            }
            else
            {
                _templates.Add(template);
            }

            return template;
        }
    }

    /// <summary>Unpublishes and publishes a template again, as an admin editing it does: it gets a new id.</summary>
    public WorkflowTemplate RepublishTemplate(string idOrName)
    {
        WorkflowTemplate existing;
        lock (_gate)
        {
            existing = _templates.Find(t => string.Equals(t.Id, idOrName, StringComparison.Ordinal))
                ?? _templates.Find(t => string.Equals(t.Name, idOrName, StringComparison.OrdinalIgnoreCase))
                ?? throw IroncladApiException.NotFound($"no template with id or name '{idOrName}'", "template");
        }

        var republished = PublishTemplate(new TemplateDefinition(existing.Name, existing.Attributes) { Exhibits = existing.Exhibits });
        Log.TemplateRepublished(_logger, existing.Name, existing.Id, republished.Id);
        return republished;
    }

    /// <summary>Replaces every template with <paramref name="definitions"/> (each gets a fresh id).</summary>
    public IReadOnlyList<WorkflowTemplate> ReplaceTemplates(IEnumerable<TemplateDefinition> definitions)
    {
        lock (_gate)
        {
            _templates.Clear();
            foreach (var definition in definitions)
            {
                _templates.Add(new WorkflowTemplate(NewObjectId(), definition.Name, definition.Attributes, 1) { Exhibits = definition.Exhibits });
            }

            return [.. _templates];
        }
    }

    /// <summary>Back to the templates the options describe (samples and extras).</summary>
    public IReadOnlyList<WorkflowTemplate> ResetTemplates() =>
        ReplaceTemplates((_options.SampleTemplates ? SampleTemplates.All : []).Concat(_options.Templates));

    public void ReplaceUsers(IEnumerable<IroncladUser> users)
    {
        lock (_gate)
        {
            _users.Clear();
            _users.AddRange(users);
        }
    }

    public IroncladUser? FindUserByEmail(string email)
    {
        lock (_gate)
        {
            return _users.Find(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        }
    }

    public IroncladUser? FindUserById(string id)
    {
        lock (_gate)
        {
            return _users.Find(u => string.Equals(u.Id, id, StringComparison.Ordinal));
        }
    }

    /// <summary>Forgets every workflow, record, async job and webhook registration, and restores users and templates.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _workflows.Clear();
            _workflowsByIroncladId.Clear();
            _workflowOrder.Clear();
            _records.Clear();
            _jobs.Clear();
            _webhooks.Clear();
            _users.Clear();
            _users.AddRange(_options.Users);
            _lastNumber = 0;
        }

        ResetTemplates();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _emitter.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>A 24-hex-digit id, the shape of Ironclad's (MongoDB) ids.</summary>
    public static string NewObjectId() => RandomNumberGenerator.GetHexString(24, lowercase: true);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Template {Name} re-published: {OldId} -> {NewId}")]
        public static partial void TemplateRepublished(ILogger logger, string name, string oldId, string newId);

        [LoggerMessage(2, LogLevel.Information, "Webhook {WebhookId} set to {Status} after {Outcome}")]
        public static partial void WebhookDisabled(ILogger logger, string webhookId, string status, string outcome);

        [LoggerMessage(5, LogLevel.Information, "Webhook {WebhookId} to {Target} deleted: its receiver answered 410 Gone")]
        public static partial void WebhookDeleted(ILogger logger, string webhookId, Uri target);

        [LoggerMessage(3, LogLevel.Warning, "Auto-advance of {WorkflowId} failed")]
        public static partial void AutoAdvanceFailed(ILogger logger, Exception exception, string workflowId);
    }
}
