using System.Text.Json;
using ContractBridge.Configuration;

namespace ContractBridge.Rules;

/// <summary>
/// The rules made in the dashboard as this instance knows them: read as the service starts, again whenever the store's
/// newest version changes (asked every <see cref="StoredRulesOptions.RefreshInterval"/>, one cheap query), and at once
/// after a save here (<see cref="RefreshAsync"/>). <see cref="Flows.RuleBook"/> reads the snapshot synchronously.
/// </summary>
public sealed partial class StoredRules(IRuleStore store, IOptions<BridgeOptions> options, TimeProvider time, ILogger<StoredRules> logger) : Hosting.StoreSnapshotRefresher(time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _seen = -1;

    /// <summary>The current version of each stored rule, deleted ones left out.</summary>
    public IReadOnlyList<RuleVersion> Versions { get; private set; } = [];

    /// <summary>The stored rules themselves, in <see cref="Versions"/>' order (a version that cannot be read is left out).</summary>
    public IReadOnlyList<ContractRule> Rules { get; private set; } = [];

    /// <summary>Reads the rules again if any version was added since the last read.</summary>
    public override async Task RefreshAsync(CancellationToken cancellationToken)
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

    protected override TimeSpan RefreshInterval => options.Value.StoredRules.RefreshInterval;

    protected override void OnRefreshFailed(string reason) => Log.RefreshFailed(logger, reason);

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
