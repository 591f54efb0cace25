using ContractBridge.Simulators.Common;

namespace ContractBridge.Simulators.Kommo.Limits;

/// <summary>
/// Kommo's limits: per integration (7 req/s) and per account (50 req/s), counted in clock-aligned windows; and the
/// block that follows sustained abuse: after <see cref="KommoSimulatorOptions.BlockAfterTooManyRequests"/> 429s within
/// <see cref="KommoSimulatorOptions.BlockWindow"/>, every call is refused until unblocked (or the block duration passes).
/// </summary>
internal sealed class KommoRateGate
{
    private readonly KommoSimulatorOptions _options;
    private readonly SimulatorClock _clock;
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recentRefusals = new();
    private readonly TimeSpan _blockWindow;
    private WindowRateLimit _perIntegration;
    private WindowRateLimit _perAccount;
    private DateTimeOffset? _blockedAt;
    private DateTimeOffset? _blockedUntil;

    public KommoRateGate(KommoSimulatorOptions options, SimulatorClock clock)
    {
        _options = options;
        _clock = clock;
        _blockWindow = clock.Scaled(options.BlockWindow);
        _perIntegration = new WindowRateLimit(clock, options.IntegrationRequestsPerSecond, TimeSpan.FromSeconds(1));
        _perAccount = new WindowRateLimit(clock, options.AccountRequestsPerSecond, TimeSpan.FromSeconds(1));
    }

    /// <summary>Raised (outside the lock) when the account becomes blocked by abuse.</summary>
    public event Action<BlockStatus>? AccountBlocked;

    public bool IsBlocked
    {
        get
        {
            lock (_lock)
            {
                return BlockedNow();
            }
        }
    }

    public BlockStatus Status
    {
        get
        {
            lock (_lock)
            {
                var blocked = BlockedNow();
                TrimRefusals(_clock.UtcNow);
                return new BlockStatus(blocked, _blockedAt, _blockedUntil, _recentRefusals.Count, _options.BlockAfterTooManyRequests);
            }
        }
    }

    /// <summary>
    /// Counts one call. <paramref name="integrationId"/> is null for calls that carry no integration token (OAuth, uploads):
    /// they count only against the account.
    /// </summary>
    public GateVerdict Admit(string? integrationId)
    {
        if (IsBlocked)
        {
            return GateVerdict.Blocked;
        }

        WindowRateLimit perIntegration;
        WindowRateLimit perAccount;
        lock (_lock)
        {
            perIntegration = _perIntegration;
            perAccount = _perAccount;
        }

        var admitted = (integrationId is null || perIntegration.TryAcquire(integrationId)) && perAccount.TryAcquire("account");
        if (admitted)
        {
            return GateVerdict.Admitted;
        }

        RecordRefusal();
        return GateVerdict.TooManyRequests;
    }

    /// <summary>Blocks the account now, as Kommo does after abuse (also for tests of a client's 403 handling).</summary>
    public void Block()
    {
        BlockStatus status;
        lock (_lock)
        {
            StartBlock(_clock.UtcNow);
            status = new BlockStatus(true, _blockedAt, _blockedUntil, _recentRefusals.Count, _options.BlockAfterTooManyRequests);
        }

        AccountBlocked?.Invoke(status);
    }

    /// <summary>What Kommo support does: lifts the block and forgets the 429s that led to it.</summary>
    public void Unblock()
    {
        lock (_lock)
        {
            _blockedAt = null;
            _blockedUntil = null;
            _recentRefusals.Clear();
        }
    }

    /// <summary>Forgets every window and the block, e.g. on a control reset.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _perIntegration = new WindowRateLimit(_clock, _options.IntegrationRequestsPerSecond, TimeSpan.FromSeconds(1));
            _perAccount = new WindowRateLimit(_clock, _options.AccountRequestsPerSecond, TimeSpan.FromSeconds(1));
            _blockedAt = null;
            _blockedUntil = null;
            _recentRefusals.Clear();
        }
    }

    private void RecordRefusal()
    {
        BlockStatus? blocked = null;
        lock (_lock)
        {
            var now = _clock.UtcNow;
            TrimRefusals(now);
            _recentRefusals.Enqueue(now);
            if (_blockedAt is null && _recentRefusals.Count >= _options.BlockAfterTooManyRequests)
            {
                StartBlock(now);
                blocked = new BlockStatus(true, _blockedAt, _blockedUntil, _recentRefusals.Count, _options.BlockAfterTooManyRequests);
            }
        }

        if (blocked is not null)
        {
            AccountBlocked?.Invoke(blocked);
        }
    }

    /// <summary>Must run under the lock.</summary>
    private void StartBlock(DateTimeOffset now)
    {
        _blockedAt = now;
        _blockedUntil = _options.BlockDuration is { } duration ? now + _clock.Scaled(duration) : null;
    }

    /// <summary>Must run under the lock. Ends a timed block whose time has come.</summary>
    private bool BlockedNow()
    {
        if (_blockedAt is null)
        {
            return false;
        }

        if (_blockedUntil is { } until && _clock.UtcNow >= until)
        {
            _blockedAt = null;
            _blockedUntil = null;
            _recentRefusals.Clear();
            return false;
        }

        return true;
    }

    private void TrimRefusals(DateTimeOffset now)
    {
        while (_recentRefusals.Count > 0 && now - _recentRefusals.Peek() >= _blockWindow)
        {
            _recentRefusals.Dequeue();
        }
    }
}
