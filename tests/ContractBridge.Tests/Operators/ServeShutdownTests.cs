using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Simulators;
using ContractBridge.Simulators.Common;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>`serve` stopped with SIGTERM, as systemd stops it (README, Running it for real), while a job runs.</summary>
public sealed class ServeShutdownTests
{
    [Fact]
    public async Task Sigterm_LetsTheRunningLaunchFinish_AndExitsZero()
    {
        var options = new SimulatorHostOptions();
        await using var simulators = await SimulatorHost.StartAsync(options);
        var account = SalesAccount.Seed(simulators.Kommo);
        var dataDirectory = Directory.CreateTempSubdirectory("cb-shutdown-").FullName;
        var url = FreePort.NextUrl();
        var settings = BridgeHarness.BaseConfiguration(simulators, account, dataDirectory, options);
        settings["ContractBridge:PublicUrl"] = url.ToString();
        var registered = await CliRun.RunAsync(settings, "webhooks", "register");
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var environment = settings.Where(s => s.Key != "urls" && s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

        await using var serve = ChildProcess.Start(ChildProcess.ServiceAssembly, ["serve", "--urls", url.GetLeftPart(UriPartial.Authority)], environment, dataDirectory);
        await serve.WaitReadyAsync(url);
        // The launch's first Ironclad call takes longer than System.CommandLine's default 2 s grace: the launch is still
        // running when the signal comes, and for longer than that grace. The calls after it are quick again.
        simulators.Ironclad.Control.ResetCalls();
        simulators.Ironclad.Control.SetFaults(new FaultProfile { Latency = TimeSpan.FromSeconds(3) });
        account.MoveToSendContract(account.AddDeal("Initech MSA"));
        await Eventually.TrueAsync(() => simulators.Ironclad.Control.Calls().Total > 0, "the launch's first call to Ironclad");
        await serve.TerminateAsync();
        simulators.Ironclad.Control.SetFaults(FaultProfile.None);
        var result = await serve.WaitForExitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(simulators.Ironclad.Control.Workflows());
        Directory.Delete(dataDirectory, recursive: true);
    }
}
