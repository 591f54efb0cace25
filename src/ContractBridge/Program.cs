using ContractBridge.Cli;

return await BridgeCli.Create().Parse(args).InvokeAsync();
