using ContractBridge.Kommo;

namespace ContractBridge.Flows;

/// <summary>
/// Names of Kommo users and loss reasons, for the words the bridge says about a deal ("lost by Rita Rep, reason:
/// Price"). Both lists are small and change rarely: read whole, cached for 10 minutes, and read again once when an id
/// is not in them (a user added since).
/// </summary>
public sealed class KommoNames(KommoClient kommo, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyDictionary<long, string> Names, DateTimeOffset At)? _users;
    private (IReadOnlyDictionary<long, string> Names, DateTimeOffset At)? _lossReasons;

    /// <summary>The user's name, else null (an id Kommo does not know, or 0 for its robots).</summary>
    public async Task<string?> UserAsync(long userId, CancellationToken cancellationToken)
    {
        if (userId <= 0)
        {
            return null;
        }

        _users = await LookUpAsync(_users, userId, async ct => (await kommo.GetUsersAsync(ct)).Where(u => !string.IsNullOrWhiteSpace(u.Name)).ToDictionary(u => u.Id, u => u.Name!), cancellationToken);
        return _users.Value.Names.GetValueOrDefault(userId);
    }

    public async Task<string?> LossReasonAsync(long reasonId, CancellationToken cancellationToken)
    {
        _lossReasons = await LookUpAsync(_lossReasons, reasonId, async ct => (await kommo.GetLossReasonsAsync(ct)).Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToDictionary(r => r.Id, r => r.Name!), cancellationToken);
        return _lossReasons.Value.Names.GetValueOrDefault(reasonId);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(IReadOnlyDictionary<long, string> Names, DateTimeOffset At)> LookUpAsync(
        (IReadOnlyDictionary<long, string> Names, DateTimeOffset At)? cached,
        long id,
        Func<CancellationToken, Task<Dictionary<long, string>>> read,
        CancellationToken cancellationToken)
    {
        if (cached is { } fresh && time.GetUtcNow() - fresh.At < Ttl && fresh.Names.ContainsKey(id))
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return (await read(cancellationToken), time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }
}
