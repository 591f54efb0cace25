using ContractBridge.Cli;

return await BridgeCli.RunAsync(args);
