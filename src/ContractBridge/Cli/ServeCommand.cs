using System.CommandLine;
using ContractBridge.Hosting;

namespace ContractBridge.Cli;

/// <summary>`serve`: runs the service until stopped (Ctrl+C or SIGTERM, which stops claiming jobs and lets running ones finish).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://0.0.0.0:8080 (env ASPNETCORE_URLS; default http://localhost:5000)." };
        var logFormat = LogFormat.Option();
        var command = new Command("serve", "Run ContractBridge: receive webhooks from Kommo and Ironclad and act on them.") { urls, logFormat };
        var common = CommonOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = common.Overrides(parse);
            if (parse.GetValue(urls) is { } listen)
            {
                overrides["urls"] = listen;
            }

            LogFormat.Apply(parse, logFormat, overrides);

            return await StartupErrors.RunAsync(async () =>
            {
                await using var app = BridgeApp.Build([], overrides);
                _ = app.Services.GetRequiredService<IOptions<Configuration.BridgeOptions>>().Value;
                await app.RunAsync(cancellationToken);
            });
        });
        return command;
    }
}
