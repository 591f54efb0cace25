using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// Sends lead events to the registered webhooks as Kommo does: one form-encoded POST per destination for each change set
/// (a batch PATCH, a "move these leads"), holding every lead and action the destination subscribed to; delivered by
/// <see cref="WebhookSender"/> (2 s timeout, retries, webhook faults). Every answer outside 100-299 counts against the
/// webhook; more than the allowed number within the failure window disables it.
/// </summary>
internal sealed partial class KommoWebhookEmitter : IAsyncDisposable
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    private readonly KommoStore _store;
    private readonly KommoSimulatorOptions _options;
    private readonly SimulatorClock _clock;
    private readonly Func<string> _accountUrl;
    private readonly WebhookSender _sender;
    private readonly TimeSpan _failureWindow;
    private readonly ConcurrentQueue<EmittedWebhook> _emitted = new();
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public KommoWebhookEmitter(KommoStore store, KommoSimulatorOptions options, SimulatorClock clock, FaultInjector faults, Func<string> accountUrl)
    {
        _store = store;
        _options = options;
        _clock = clock;
        _accountUrl = accountUrl;
        _failureWindow = clock.Scaled(options.WebhookFailureWindow);
        _sender = new WebhookSender(
            clock,
            faults,
            options.WebhookRetryDelays,
            options.WebhookTimeout,
            onOutcome: static (_, _) => { },
            onAttempt: OnAttempt,
            stillWanted: IsStillWanted);
    }

    public IReadOnlyList<EmittedWebhook> Emitted => [.. _emitted];

    public IReadOnlyList<WebhookAttempt> Attempts => _sender.Attempts;

    /// <summary>Webhooks accepted by the sender and not yet delivered, given up or dropped.</summary>
    public int Pending => _sender.Pending;

    public void UseLogger(ILogger logger) => _logger = logger;

    /// <summary>Sends one change set: the events that happened together, e.g. every lead of one batch PATCH.</summary>
    public void Emit(IReadOnlyList<LeadEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var targets = _store.Read(data => data.Webhooks.Values
            .Where(w => !w.Disabled)
            .OrderBy(w => w.Sort)
            .Select(w => (w.Destination, Settings: w.Settings.ToHashSet(StringComparer.Ordinal)))
            .ToList());
        foreach (var (destination, settings) in targets)
        {
            var wanted = events.Where(e => settings.Contains(e.Setting)).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var fields = KommoWebhookForm.Fields(wanted, _options.Subdomain, _options.AccountId, _accountUrl());
            var body = KommoWebhookForm.Encode(fields);
            var actions = wanted.Select(e => e.Action).Distinct().ToList();
            var leadIds = wanted.Where(e => e.IsLead).Select(e => e.LeadId).Distinct().ToList();
            _emitted.Enqueue(new EmittedWebhook(destination, actions, leadIds, Encoding.UTF8.GetString(body), _clock.UtcNow));
            var description = string.Join(' ', wanted.GroupBy(e => e.Section).Select(g =>
                $"{g.Key}[{string.Join(',', g.Select(e => e.Action).Distinct())}] {string.Join(',', g.Select(e => e.LeadId.ToString(CultureInfo.InvariantCulture)).Distinct())}"));
            _sender.Send(new OutgoingWebhook(destination, FormContentType, body, [], description));
        }
    }

    /// <summary>Forgets what was emitted (the sender's attempt log is kept: it belongs to deliveries still under way).</summary>
    public void ClearEmitted() => _emitted.Clear();

    public ValueTask DisposeAsync() => _sender.DisposeAsync();

    private bool IsStillWanted(OutgoingWebhook webhook) =>
        _store.Read(data => data.Webhooks.Values.Any(w => w.Destination == webhook.Target && !w.Disabled));

    private void OnAttempt(OutgoingWebhook webhook, WebhookAttempt attempt)
    {
        if (attempt.StatusCode is >= 100 and < 300)
        {
            return;
        }

        var now = _clock.UtcNow;
        var disabled = _store.Write(data =>
        {
            var subscription = data.Webhooks.Values.FirstOrDefault(w => w.Destination == webhook.Target);
            if (subscription is null || subscription.Disabled)
            {
                return false;
            }

            while (subscription.RecentFailures.Count > 0 && now - subscription.RecentFailures.Peek() >= _failureWindow)
            {
                subscription.RecentFailures.Dequeue();
            }

            subscription.RecentFailures.Enqueue(now);
            if (subscription.RecentFailures.Count <= _options.WebhookDisableAfterFailures)
            {
                return false;
            }

            subscription.Disabled = true;
            return true;
        });
        if (disabled)
        {
            Log.WebhookDisabled(_logger, webhook.Target, _options.WebhookDisableAfterFailures);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
            Message = "Kommo webhook to {Destination} disabled: more than {Threshold} invalid answers within the failure window")]
        public static partial void WebhookDisabled(ILogger logger, Uri destination, int threshold);
    }
}
