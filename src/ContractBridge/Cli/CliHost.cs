using ContractBridge.Configuration;
using ContractBridge.Engine.Storage;
using ContractBridge.Hosting;
using ContractBridge.Rules;
using ContractBridge.Setup;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContractBridge.Cli;

/// <summary>
/// The service's own registrations and configuration (appsettings, the seed's variables, <c>ContractBridge__*</c>, flags),
/// built but never started: no web server, no job workers, no reconciler. Each command checks the settings it needs
/// itself, so `jobs list` works without Ironclad credentials and `templates list` without a Kommo webhook secret.
/// </summary>
public sealed class CliHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CliHost(WebApplication app) => _app = app;

    public BridgeOptions Options => _app.Services.GetRequiredService<IOptions<BridgeOptions>>().Value;

    public IServiceProvider Services => _app.Services;

    public static CliHost Open(IReadOnlyDictionary<string, string?> settings) =>
        new(BridgeApp.Build([], settings, services => services.RemoveAll<IValidateOptions<BridgeOptions>>()));

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>
    /// The database, with its schema brought up to date (idempotent, safe beside a running service), and a line saying
    /// which one it is: a wrong --data-dir shows at once instead of as an empty list.
    /// </summary>
    public async Task<IBridgeStore> OpenStoreAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var options = Options;
        var description = string.IsNullOrWhiteSpace(options.Postgres)
            ? $"SQLite at {Path.GetFullPath(Path.Combine(options.DataDirectory, BridgeStoreFactory.SqliteFileName))}"
            : "PostgreSQL (ContractBridge:Postgres)";
        await progress.WriteLineAsync($"Database: {description}");
        var store = Get<IBridgeStore>();
        await store.MigrateAsync(cancellationToken);
        return store;
    }

    /// <summary>
    /// The connections and rules in force, read as a starting service reads them: configuration first, else what was
    /// made at /setup and in the rule pages, from the database (opened and migrated for it).
    /// </summary>
    public async Task<UpstreamConnections> ReadStoredSetupAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        await OpenStoreAsync(progress, cancellationToken);
        var connections = Get<UpstreamConnections>();
        await connections.RefreshAsync(cancellationToken);
        await Get<StoredRules>().RefreshAsync(cancellationToken);
        return connections;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
