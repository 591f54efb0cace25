using ContractBridge.Engine.Hosting;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Storage.Postgres;
using ContractBridge.Engine.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContractBridge.Engine.Tests;

/// <summary>How a service wires the engine: one call for store, intake and engine, one per handler.</summary>
public sealed class HostingTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("contractbridge-hosting-").FullName;

    [Fact]
    public async Task AddContractBridgeEngine_InAGenericHost_MigratesIngestsAndRunsHandlers()
    {
        var ran = new TaskCompletionSource<Job>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddContractBridgeEngine(storage => storage.DataDirectory = dataDirectory, engine => engine.PollInterval = TimeSpan.FromHours(1));
        builder.Services.AddSingleton(ran);
        builder.Services.AddJobHandler<CompletingHandler>();

        using (var host = builder.Build())
        {
            await host.StartAsync();
            var outcome = await host.Services.GetRequiredService<EventIntake>().IngestAsync(
                new InboundEvent("kommo", "evt-1", "lead 1", "application/json", "{}", [new NewJob("contract.launch", "lead:1", "{}")]), CancellationToken.None);
            var job = await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await host.StopAsync();

            Assert.Equal(IngestOutcome.Stored, outcome);
            Assert.Equal("lead:1", job.Key);
            Assert.Equal("sqlite", host.Services.GetRequiredService<IBridgeStore>().Provider);
        }

        Assert.True(File.Exists(Path.Combine(dataDirectory, "contractbridge.db")));
    }

    [Fact]
    public async Task JobQueue_Enqueue_WakesTheWorkersAtOnce()
    {
        var ran = new TaskCompletionSource<Job>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddContractBridgeEngine(storage => storage.DataDirectory = dataDirectory, engine => engine.PollInterval = TimeSpan.FromHours(1));
        builder.Services.AddSingleton(ran);
        builder.Services.AddJobHandler<CompletingHandler>();
        using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredService<JobQueue>().EnqueueAsync([new NewJob("contract.launch", "lead:9", "{}")], CancellationToken.None);

        Assert.Equal("lead:9", (await ran.Task.WaitAsync(TimeSpan.FromSeconds(30))).Key);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddSchemaModule_TheModulesTablesAreMadeWhenTheHostStarts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddContractBridgeEngine(storage => storage.DataDirectory = dataDirectory);
        var step = new SchemaStep(1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        builder.Services.AddSchemaModule(new SchemaModule("notes", new SchemaModuleSteps([step]), new SchemaModuleSteps([step])));
        using var host = builder.Build();

        await host.StartAsync();
        var store = (SqliteBridgeStore)host.Services.GetRequiredService<IBridgeStore>();
        var written = await store.WriteAsync(scope =>
        {
            using var insert = scope.Command("INSERT INTO notes (body) VALUES ('hello');");
            return insert.ExecuteNonQuery();
        }, CancellationToken.None);
        await host.StopAsync();

        Assert.Equal(1, written);
    }

    [Fact]
    public async Task Factory_WithoutConnectionString_UsesSqliteUnderTheDataDirectory()
    {
        await using var store = BridgeStoreFactory.Create(new StorageOptions { DataDirectory = Path.Combine(dataDirectory, "nested") });

        var sqlite = Assert.IsType<SqliteBridgeStore>(store);
        Assert.Equal(Path.Combine(dataDirectory, "nested", "contractbridge.db"), sqlite.Path);
    }

    [Fact]
    public async Task Factory_WithConnectionString_UsesPostgres()
    {
        await using var store = BridgeStoreFactory.Create(new StorageOptions { DataDirectory = dataDirectory, PostgresConnectionString = "Host=127.0.0.1;Username=x" });

        Assert.IsType<PostgresBridgeStore>(store);
        Assert.Equal("postgresql", store.Provider);
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private sealed class CompletingHandler(TaskCompletionSource<Job> ran) : IJobHandler
    {
        public string Kind => "contract.launch";

        public JobHandlerOptions Options { get; } = new();

        public async Task HandleAsync(JobBatch batch, CancellationToken cancellationToken)
        {
            await batch.CompleteAsync(batch.Jobs[0], JobResult.Done, cancellationToken);
            ran.TrySetResult(batch.Jobs[0]);
        }
    }
}
