using System.CommandLine;
using ContractBridge.Cli.Check;

namespace ContractBridge.Cli;

/// <summary>
/// The one binary's commands. Settings given to <see cref="Create"/> are configuration entries under the flags: empty for the real
/// binary (appsettings and the environment say everything), the harness's configuration in tests.
/// </summary>
public static class BridgeCli
{
    /// <summary>
    /// How long a command may take to end after SIGTERM or Ctrl+C cancelled it, before the process ends anyway.
    /// System.CommandLine's default, 2 s, cut `serve`'s shutdown short: running jobs are given Jobs:ShutdownTimeout
    /// (20 s) to finish, inside the host's own 30 s, and the process exited 143 while they ran. Every command ends on
    /// cancellation within its own bounds, so this only ends one that would not.
    /// </summary>
    public static readonly TimeSpan TerminationTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Parses and runs the binary's arguments: its entry point.</summary>
    public static Task<int> RunAsync(string[] args) =>
        Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TerminationTimeout });

    public static RootCommand Create(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var given = settings ?? new Dictionary<string, string?>();
        return new RootCommand("ContractBridge: Kommo deals launch Ironclad contracts, and signed contracts close their deals.")
        {
            ServeCommand.Create(),
            DemoCommand.Create(),
            CheckCommand.Create(given),
            TemplatesCommand.Create(given),
            WebhooksCommand.Create(given),
            ContractsCommand.Create(given),
            JobsCommand.Create(given),
        };
    }
}
