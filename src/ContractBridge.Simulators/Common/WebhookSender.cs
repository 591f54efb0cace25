using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace ContractBridge.Simulators.Common;

/// <summary>
/// Delivers a simulator's webhooks as the real service does: POST, a per-attempt timeout, retries of non-2xx answers
/// on the service's (time-scaled) schedule, and the webhook faults of the current <see cref="FaultProfile"/>:
/// drop, duplicate, reorder, delay.
/// </summary>
public sealed class WebhookSender : IAsyncDisposable
{
    private readonly SimulatorClock _clock;
    private readonly FaultInjector _faults;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly TimeSpan _attemptTimeout;
    private readonly Action<OutgoingWebhook, WebhookOutcome> _onOutcome;
    private readonly Action<OutgoingWebhook, WebhookAttempt>? _onAttempt;
    private readonly Func<OutgoingWebhook, bool>? _stillWanted;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<WebhookAttempt> _attempts = new();
    private readonly SemaphoreSlim _concurrency = new(16);
    private int _pending;

    /// <param name="retryDelays">Real-world delays before the 2nd, 3rd, ... attempt; scaled by the clock.</param>
    /// <param name="attemptTimeout">How long the receiver gets to answer (Kommo: 2 s). Not scaled.</param>
    /// <param name="onOutcome">Told how each webhook ended, so the service can count failures or disable a hook.</param>
    /// <param name="onAttempt">Told of every delivery attempt as it ends (Kommo counts each invalid answer, not each webhook).</param>
    /// <param name="stillWanted">Asked before every attempt; false stops the retries (the hook was disabled or deleted meanwhile).</param>
    public WebhookSender(
        SimulatorClock clock,
        FaultInjector faults,
        IReadOnlyList<TimeSpan> retryDelays,
        TimeSpan attemptTimeout,
        Action<OutgoingWebhook, WebhookOutcome> onOutcome,
        Action<OutgoingWebhook, WebhookAttempt>? onAttempt = null,
        Func<OutgoingWebhook, bool>? stillWanted = null)
    {
        _clock = clock;
        _faults = faults;
        _retryDelays = retryDelays;
        _attemptTimeout = attemptTimeout;
        _onOutcome = onOutcome;
        _onAttempt = onAttempt;
        _stillWanted = stillWanted;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Webhooks accepted but not yet finished (delivered, gone, given up or dropped).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public IReadOnlyList<WebhookAttempt> Attempts => [.. _attempts];

    public void Send(OutgoingWebhook webhook)
    {
        var profile = _faults.Profile;
        if (_faults.Draw(profile.WebhookDropRate, FaultKind.WebhookDropped))
        {
            _attempts.Enqueue(new WebhookAttempt(webhook.Description, webhook.Target, 0, null, "dropped (fault)", _clock.UtcNow));
            _onOutcome(webhook, WebhookOutcome.Dropped);
            return;
        }

        Start(webhook, profile);
        if (_faults.Draw(profile.WebhookDuplicateRate, FaultKind.WebhookDuplicated))
        {
            Start(webhook, profile);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _http.Dispose();
        _stopping.Dispose();
        _concurrency.Dispose();
    }

    private void Start(OutgoingWebhook webhook, FaultProfile profile)
    {
        var holdBack = profile.WebhookDelay;
        if (_faults.Draw(profile.WebhookReorderRate, FaultKind.WebhookReordered))
        {
            holdBack += _faults.DrawDuration(profile.WebhookReorderWindow);
        }

        Interlocked.Increment(ref _pending);
        _ = DeliverAsync(webhook, holdBack);
    }

    private async Task DeliverAsync(OutgoingWebhook webhook, TimeSpan holdBack)
    {
        var outcome = WebhookOutcome.GaveUp;
        try
        {
            await _clock.Delay(holdBack, _stopping.Token);
            for (var attempt = 1; attempt <= _retryDelays.Count + 1; attempt++)
            {
                if (attempt > 1)
                {
                    await _clock.Delay(_clock.Scaled(_retryDelays[attempt - 2]), _stopping.Token);
                }

                if (_stillWanted is not null && !_stillWanted(webhook))
                {
                    break;
                }

                var status = await AttemptAsync(webhook, attempt);
                if (status is >= 200 and < 300)
                {
                    outcome = WebhookOutcome.Delivered;
                    break;
                }

                if (status == 410)
                {
                    outcome = WebhookOutcome.Gone;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }

        _onOutcome(webhook, outcome);
    }

    private async Task<int?> AttemptAsync(OutgoingWebhook webhook, int attempt)
    {
        await _concurrency.WaitAsync(_stopping.Token);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(_attemptTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Target);
            request.Content = new ByteArrayContent(webhook.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(webhook.ContentType);
            foreach (var (name, value) in webhook.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            Record(webhook, new WebhookAttempt(webhook.Description, webhook.Target, attempt, status, null, _clock.UtcNow));
            return status;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !_stopping.IsCancellationRequested)
        {
            var error = ex is OperationCanceledException ? $"no answer within {_attemptTimeout.TotalSeconds:0.#} s" : ex.Message;
            Record(webhook, new WebhookAttempt(webhook.Description, webhook.Target, attempt, null, error, _clock.UtcNow));
            return null;
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private void Record(OutgoingWebhook webhook, WebhookAttempt attempt)
    {
        _attempts.Enqueue(attempt);
        _onAttempt?.Invoke(webhook, attempt);
    }
}
