using System.CommandLine;
using ContractBridge.Cli;

var root = new RootCommand("ContractBridge: Kommo deals launch Ironclad contracts, and signed contracts close their deals.")
{
    ServeCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
