using System.CommandLine;
using ContractBridge.Demo;

namespace ContractBridge.Cli;

/// <summary>`demo`: the whole product on this machine, with no configuration: both simulators, the service, and a short story.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var keepRunning = new Option<bool>("--keep-running") { Description = "Leave the simulators and the service running after the story, until Ctrl+C, to look at the dashboard." };
        var command = new Command(
            "demo",
            "Start the Kommo and Ironclad simulators and the service on loopback (SQLite in a temporary directory), play a short sales story, and check the outcome against the simulators.")
        { keepRunning };
        command.SetAction((parse, cancellationToken) =>
            new DemoRunner(parse.InvocationConfiguration.Output, new DemoSettings { KeepRunning = parse.GetValue(keepRunning) }).RunAsync(cancellationToken));
        return command;
    }
}
