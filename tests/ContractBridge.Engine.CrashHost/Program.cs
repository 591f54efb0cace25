using ContractBridge.Engine.CrashHost;
using ContractBridge.Engine.Hosting;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: CrashHost burst|drain|hold <data-dir|postgres-connection-string> [events]
// Speaks a line protocol on stdout: "ACK <dedupe key>" once an event is committed, "RAN <job id>" per run, "DRAINED".
// hold: runs the crash.hold jobs already stored under a 60 s lease and never finishes them, until it is killed.
if (args.Length < 2)
{
    await Console.Error.WriteLineAsync("usage: CrashHost burst|drain|hold <data-dir|postgres-connection-string> [events]");
    return 2;
}

var (mode, location) = (args[0], args[1]);
var postgres = location.Contains("Host=", StringComparison.OrdinalIgnoreCase);
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddContractBridgeEngine(
    storage => (storage.DataDirectory, storage.PostgresConnectionString) = (postgres ? "unused" : location, postgres ? location : null),
    engine => (engine.LeaseDuration, engine.PollInterval, engine.ShutdownTimeout) = (TimeSpan.FromSeconds(mode == "hold" ? 60 : 3), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2)));
builder.Services.AddSingleton(new RunRecorder(postgres ? location : Path.Combine(location, BridgeStoreFactory.SqliteFileName), postgres));
builder.Services.AddJobHandler<RecordingHandler>();
builder.Services.AddJobHandler<HoldingHandler>();
using var host = builder.Build();
await host.Services.GetRequiredService<IBridgeStore>().MigrateAsync(CancellationToken.None);
await host.Services.GetRequiredService<RunRecorder>().CreateTableAsync();
await host.StartAsync();

if (mode == "hold")
{
    await Task.Delay(Timeout.Infinite);
}

if (mode == "burst")
{
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000;
    var intake = host.Services.GetRequiredService<EventIntake>();
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var key = $"evt-{i:D6}";
            var job = new NewJob(RecordingHandler.JobKind, $"lead:{i % 50}", $"{{\"event\":\"{key}\"}}");
            await intake.IngestAsync(new InboundEvent("test", key, $"event {i}", "application/json", "{}", [job]), CancellationToken.None);
            Console.Out.WriteLine($"ACK {key}");
        }
    })));

    // The test kills us; should it not, keep working as a real service would.
    await Task.Delay(Timeout.Infinite);
}

var store = host.Services.GetRequiredService<IBridgeStore>();
while (await store.CountAsync(CancellationToken.None) is { Pending: > 0 } or { Running: > 0 })
{
    await Task.Delay(100);
}

Console.Out.WriteLine("DRAINED");
await host.StopAsync();
return 0;
