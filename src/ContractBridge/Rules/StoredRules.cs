using System.Text.Json;
using ContractBridge.Configuration;

namespace ContractBridge.Rules;

/// <summary>
/// The rules made in the dashboard as this instance knows them: read as the service starts, again whenever the store's
/// newest version changes (asked every <see cref="StoredRulesOptions.RefreshInterval"/>, one cheap query), and at once
/// after a save here (<see cref="RefreshAsync"/>). <see cref="Flows.RuleBook"/> reads the snapshot synchronously.
/// </summary>
public sealed partial class StoredRules(IRuleStore store, IOptions<BridgeOptions> options, TimeProvider time, ILogger<StoredRules> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _seen = -1;

    /// <summary>The current version of each stored rule, deleted ones left out.</summary>
    public IReadOnlyList<RuleVersion> Versions { get; private set; } = [];

    /// <summary>The stored rules themselves, in <see cref="Versions"/>' order (a version that cannot be read is left out).</summary>
    public IReadOnlyList<ContractRule> Rules { get; private set; } = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down as the service starts; the health checks say so, and the next round tries again.
            Log.RefreshFailed(logger, ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>Reads the rules again if any version was added since the last read.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var latest = await store.LatestChangeAsync(cancellationToken);
            if (latest == _seen)
            {
                return;
            }

            var versions = await store.CurrentAsync(cancellationToken);
            var rules = new List<ContractRule>();
            foreach (var version in versions)
            {
                try
                {
                    rules.Add(RuleJson.Read(version.RuleJson!));
                }
                catch (JsonException ex)
                {
                    Log.Unreadable(logger, version.Name, version.Version, ex.Message);
                }
            }

            (Versions, Rules, _seen) = (versions, rules, latest);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.StoredRules.RefreshInterval, time, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever the database said, the old snapshot keeps serving; the next round tries again.
                Log.RefreshFailed(logger, ex.Message);
            }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9840, Level = LogLevel.Warning, Message = "Could not read the stored rules (the rules read before stay in force): {Reason}")]
        public static partial void RefreshFailed(ILogger logger, string reason);

        [LoggerMessage(EventId = 9841, Level = LogLevel.Error, Message = "Stored rule {Name} version {Version} cannot be read and is left out: {Reason}")]
        public static partial void Unreadable(ILogger logger, string name, int version, string reason);
    }
}
