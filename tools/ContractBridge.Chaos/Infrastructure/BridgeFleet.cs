using System.Text.Json;
using ContractBridge.Chaos.World;
using ContractBridge.Kommo;
using ContractBridge.Secrets;

namespace ContractBridge.Chaos.Infrastructure;

/// <summary>
/// The bridge as deployed for a run: one instance on SQLite, or several on one PostgreSQL database behind a load
/// balancer; the public URL the simulators' webhooks go to; and a probe into the database.
/// </summary>
public sealed class BridgeFleet : IAsyncDisposable
{
    private readonly PostgresDatabase? _database;
    private readonly ReverseProxy? _balancer;

    private readonly string _masterKey;

    private BridgeFleet(IReadOnlyList<BridgeProcess> instances, ReverseProxy? balancer, PostgresDatabase? database, StoreProbe probe, string dataDirectory, string masterKey)
    {
        _masterKey = masterKey;
        Instances = instances;
        _balancer = balancer;
        _database = database;
        Probe = probe;
        DataDirectory = dataDirectory;
    }

    public IReadOnlyList<BridgeProcess> Instances { get; }

    public Uri PublicUrl => _balancer?.Url ?? Instances[0].Url;

    public StoreProbe Probe { get; }

    public string DataDirectory { get; }

    public string StoreName => _database is null ? "sqlite" : $"postgresql x{Instances.Count}";

    public string? PostgresConnectionString => _database?.ConnectionString;

    public long BalancerFailovers => _balancer?.Failovers ?? 0;

    public IEnumerable<string> LogFiles => Instances.Select(i => i.LogPath);

    /// <summary>Starts the instances (on a fresh PostgreSQL database when a server is given) and waits until each is ready.</summary>
    public static async Task<BridgeFleet> StartAsync(ChaosWorld world, BridgeTuning tuning, int instances, string? postgresServer, string workDirectory, CancellationToken cancellationToken)
    {
        if (instances > 1 && postgresServer is null)
        {
            throw new ArgumentException("Several instances need a shared PostgreSQL database.", nameof(instances));
        }

        var database = postgresServer is null ? null : await PostgresDatabase.CreateAsync(postgresServer, cancellationToken);
        var dataDirectory = Path.Combine(workDirectory, "data");
        var settings = world.BridgeSettings(tuning with { DataDirectory = dataDirectory, Postgres = database?.ConnectionString });
        var processes = Enumerable.Range(1, instances)
            .Select(i => new BridgeProcess($"bridge-{i}", FreePort.NextUrl(), settings, [], Path.Combine(workDirectory, $"bridge-{i}.log")))
            .ToList();
        try
        {
            // The first instance creates the schema; the others then start beside it.
            await processes[0].StartAndWaitReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
            await Task.WhenAll(processes.Skip(1).Select(p => p.StartAndWaitReadyAsync(TimeSpan.FromSeconds(60), cancellationToken)));
            var balancer = instances > 1 ? await ReverseProxy.StartAsync([.. processes.Select(p => p.Url)]) : null;
            var probe = StoreProbe.Open(dataDirectory, database?.ConnectionString);
            return new BridgeFleet(processes, balancer, database, probe, dataDirectory, world.Secrets.MasterKey);
        }
        catch
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            if (database is not null)
            {
                await database.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The OAuth tokens the bridge has stored (encrypted: read through its key ring), to look for in its logs too.</summary>
    public async Task<IReadOnlyList<(string Name, string Value)>> StoredTokensAsync(CancellationToken cancellationToken)
    {
        using var vault = StandaloneVault.Open(Probe.Store, StandaloneVault.Keys(_masterKey));
        var stored = await vault.Vault.ReadAsync(KommoOAuthTokens.StateKey, isPlainTextFromOlderRelease: null, cancellationToken);
        if (stored is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(stored.Value);
        return [.. document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String && p.Name.EndsWith("Token", StringComparison.Ordinal))
            .Select(p => ("stored Kommo " + p.Name, p.Value.GetString()!))];
    }

    public async Task<string> ExplainAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string> { await Probe.ExplainAsync(cancellationToken) };
        foreach (var instance in Instances)
        {
            lines.Add($"{instance.Name}: {(instance.IsRunning ? "running" : "not running")}, started {instance.Starts}x, killed {instance.Kills}x; log {instance.LogPath}");
        }

        return string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        if (_balancer is not null)
        {
            await _balancer.DisposeAsync();
        }

        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        await Probe.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
