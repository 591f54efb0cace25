using System.Net;
using System.Net.Sockets;
using ContractBridge.Chaos.Infrastructure;
using ContractBridge.Simulators;
using ContractBridge.Simulators.Common;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>`serve` as its own process, configured through the environment, as systemd runs it (README, Running it for real).</summary>
public sealed class ServeProcessTests : IAsyncLifetime
{
    private readonly SimulatorHostOptions _options = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cb-serve-").FullName;
    private SimulatorHost _simulators = null!;
    private SalesAccount _account = null!;
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _simulators = await SimulatorHost.StartAsync(_options);
        _account = SalesAccount.Seed(_simulators.Kommo);
        _settings = BridgeHarness.BaseConfiguration(_simulators, _account, _dataDirectory, _options);
    }

    [Fact]
    public async Task Sigterm_LetsTheRunningLaunchFinish_AndExitsZero()
    {
        var url = FreePort.NextUrl();
        _settings["ContractBridge:PublicUrl"] = url.ToString();
        var registered = await CliRun.RunAsync(_settings, "webhooks", "register");
        Assert.True(registered.ExitCode == 0, registered.ToString());

        await using var serve = Start("--urls", url.GetLeftPart(UriPartial.Authority));
        await serve.WaitReadyAsync(url);
        // The launch's first Ironclad call takes longer than System.CommandLine's default 2 s grace: the launch is still
        // running when the signal comes, and for longer than that grace. The calls after it are quick again.
        _simulators.Ironclad.Control.ResetCalls();
        _simulators.Ironclad.Control.SetFaults(new FaultProfile { Latency = TimeSpan.FromSeconds(3) });
        _account.MoveToSendContract(_account.AddDeal("Initech MSA"));
        await Eventually.TrueAsync(() => _simulators.Ironclad.Control.Calls().Total > 0, "the launch's first call to Ironclad");
        await serve.TerminateAsync();
        _simulators.Ironclad.Control.SetFaults(FaultProfile.None);
        var result = await serve.WaitForExitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(_simulators.Ironclad.Control.Workflows());
    }

    [Fact]
    public async Task ADataDirectoryThatCannotBeCreated_EndsTheStartWithOneLine()
    {
        var file = Path.Combine(_dataDirectory, "a-file");
        await File.WriteAllTextAsync(file, string.Empty);

        var result = await Run("--urls", FreePort.NextUrl().GetLeftPart(UriPartial.Authority), "--data-dir", Path.Combine(file, "data"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"ContractBridge cannot start: Could not find a part of the path '{Path.Combine(file, "data")}'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressInUse_EndsTheStartWithOneLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var result = await Run("--urls", url);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"ContractBridge cannot start: Failed to bind to address {url}: address already in use.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresWithoutAMasterKey_RefusesToStart_SayingToSetTheSameKeyOnEveryInstance()
    {
        _settings["ContractBridge:Postgres"] = "Host=127.0.0.1;Port=9;Username=nobody;Database=none";

        var result = await Run("--urls", FreePort.NextUrl().GetLeftPart(UriPartial.Authority));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("ContractBridge cannot start: its configuration is incomplete.", result.Error, StringComparison.Ordinal);
        Assert.Contains("set CONTRACTBRIDGE_MASTER_KEY to the same value on every instance", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.All, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _simulators.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private ChildProcess Start(params string[] arguments) =>
        ChildProcess.Start(ChildProcess.ServiceAssembly, ["serve", .. arguments], Environment(), _dataDirectory);

    private async Task<CliResult> Run(params string[] arguments)
    {
        await using var serve = Start(arguments);
        return await serve.WaitForExitAsync();
    }

    /// <summary>The harness's configuration as ContractBridge__* variables; the address comes from --urls.</summary>
    private Dictionary<string, string> Environment() =>
        _settings.Where(s => s.Key != "urls" && s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
}
