using System.CommandLine;
using ContractBridge.Simulators;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Kommo;

var kommoPort = new Option<int>("--kommo-port") { Description = "Port for the Kommo simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
var ironcladPort = new Option<int>("--ironclad-port") { Description = "Port for the Ironclad simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
var timeScale = new Option<double>("--time-scale")
{
    Description = "How much faster than real time rate-limit windows, retry schedules and auto-advance run (60: 40/min becomes 40/s).",
    DefaultValueFactory = _ => 1.0,
};

var root = new RootCommand("Stateful simulators of the Kommo and Ironclad APIs, for the ContractBridge demo, tests and benchmarks.")
{
    kommoPort,
    ironcladPort,
    timeScale,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var scale = parse.GetValue(timeScale);
    if (scale <= 0)
    {
        await Console.Error.WriteLineAsync("--time-scale must be positive.");
        return 2;
    }

    var options = new SimulatorHostOptions
    {
        // The program is the demo's Kommo: it starts with a realistic sample account (in-process use starts empty).
        Kommo = new KommoSimulatorOptions { Port = parse.GetValue(kommoPort), TimeScale = scale, SampleData = true },
        Ironclad = new IroncladSimulatorOptions { Port = parse.GetValue(ironcladPort), TimeScale = scale },
    };

    await using var host = await SimulatorHost.StartAsync(options, cancellationToken);
    Console.WriteLine($"Kommo simulator listening on {host.Kommo.BaseUrl.GetLeftPart(UriPartial.Authority)}");
    Console.WriteLine($"Ironclad simulator listening on {host.Ironclad.BaseUrl.GetLeftPart(UriPartial.Authority)}");
    foreach (var line in host.Kommo.DescribeCredentials().Concat(host.Ironclad.DescribeCredentials()))
    {
        Console.WriteLine(line);
    }

    Console.WriteLine("Press Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
    catch (OperationCanceledException)
    {
    }

    return 0;
});

return await root.Parse(args).InvokeAsync();
