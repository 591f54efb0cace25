using System.CommandLine;
using ContractBridge.Cli.Check;

namespace ContractBridge.Cli;

/// <summary>
/// The one binary's commands. Settings given to <see cref="Create"/> are configuration entries under the flags: empty for the real
/// binary (appsettings and the environment say everything), the harness's configuration in tests.
/// </summary>
public static class BridgeCli
{
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
