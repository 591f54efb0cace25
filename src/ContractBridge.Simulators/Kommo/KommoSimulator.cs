using ContractBridge.Simulators.Common;

namespace ContractBridge.Simulators.Kommo;

public sealed class KommoSimulator(KommoSimulatorOptions options, TimeProvider time)
    : SimulatedServer("Kommo", options.Port, new SimulatorClock(time, options.TimeScale), new FaultInjector(options.Faults, options.Seed, time))
{
    public IEnumerable<string> DescribeCredentials()
    {
        yield break;
    }

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
    }

    protected override Task WriteTooManyRequestsAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Task.CompletedTask;
    }

    protected override Task WriteServerErrorAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Task.CompletedTask;
    }
}
