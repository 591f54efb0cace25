using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows;

/// <summary>
/// The Kommo account's slow-changing facts (currency, file drive host, pipelines and their stage names), cached so a
/// burst of deals costs one call, not one per deal; <see cref="CacheWarmer"/> renews what has been read before it expires.
/// </summary>
public sealed class KommoDirectory(KommoClient kommo, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (KommoAccount Account, DateTimeOffset At)? _account;
    private (IReadOnlyList<KommoPipeline> Pipelines, DateTimeOffset At)? _pipelines;

    public async Task<KommoAccount> GetAccountAsync(CancellationToken cancellationToken)
    {
        if (_account is { } cached && time.GetUtcNow() - cached.At < Ttl)
        {
            return cached.Account;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_account is not { } again || time.GetUtcNow() - again.At >= Ttl)
            {
                _account = (await kommo.GetAccountAsync(withDriveUrl: true, cancellationToken), time.GetUtcNow());
            }

            return _account.Value.Account;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<KommoPipeline>> GetPipelinesAsync(CancellationToken cancellationToken)
    {
        if (_pipelines is { } cached && time.GetUtcNow() - cached.At < Ttl)
        {
            return cached.Pipelines;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_pipelines is not { } again || time.GetUtcNow() - again.At >= Ttl)
            {
                _pipelines = (await kommo.GetPipelinesAsync(cancellationToken), time.GetUtcNow());
            }

            return _pipelines.Value.Pipelines;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads again what has been read before (nothing else: an account the bridge never needed costs no call), so no deal
    /// waits for an expired entry. The old entry serves until the new one is in.
    /// </summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (_account is not null)
        {
            var account = await kommo.GetAccountAsync(withDriveUrl: true, cancellationToken);
            _account = (account, time.GetUtcNow());
        }

        if (_pipelines is not null)
        {
            var pipelines = await kommo.GetPipelinesAsync(cancellationToken);
            _pipelines = (pipelines, time.GetUtcNow());
        }
    }

    /// <summary>"Negotiation", "Closed - won"…; falls back to the id when the stage is unknown.</summary>
    public async Task<string> StageNameAsync(long? pipelineId, long statusId, CancellationToken cancellationToken)
    {
        var pipelines = await GetPipelinesAsync(cancellationToken);
        var status = pipelines.Where(p => pipelineId is null || p.Id == pipelineId).SelectMany(p => p.Statuses).FirstOrDefault(s => s.Id == statusId);
        return status?.Name ?? statusId switch
        {
            KommoStatuses.ClosedWon => "Closed - won",
            KommoStatuses.ClosedLost => "Closed - lost",
            _ => $"stage {statusId}",
        };
    }

    public void Dispose() => _gate.Dispose();
}
