using System.CommandLine;
using ContractBridge.Cli;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>Runs the real binary's command tree in-process, with the given settings under the flags, capturing what it prints.</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.Create(settings).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
