using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContractBridge.Bench.Ingest;

/// <summary>
/// A minimal webhook receiver on loopback: reads the body, hands it to the intake, and answers 200 only after the commit,
/// as the bridge's endpoints do. Each request carries its own event id, so every one is a new event.
/// </summary>
internal sealed class IngestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private IngestServer(WebApplication app, EventIntake intake)
    {
        this.app = app;
        Intake = intake;
    }

    public EventIntake Intake { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<IngestServer> StartAsync(IBridgeStore store, IntakeOptions options)
    {
        var intake = new EventIntake(store, Options.Create(options), TimeProvider.System, NullLogger<EventIntake>.Instance);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/webhooks/{source}", async (string source, HttpRequest request, CancellationToken cancellationToken) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            var id = request.Headers["X-Event-Id"].ToString();
            var job = new NewJob("contract.launch", $"lead:{id}", body);
            var outcome = await intake.IngestAsync(new InboundEvent(source, id, $"bench event {id}", "application/json", body, [job]), cancellationToken);
            return Results.Text(outcome.ToString());
        });
        await app.StartAsync();
        var server = new IngestServer(app, intake);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Intake.DisposeAsync();
    }
}
