using System.Diagnostics;
using System.Runtime.InteropServices;
using ContractBridge.Bench.Ingest;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// Publishes the service as it would be deployed, ReadyToRun (ahead-of-time compiled, framework-dependent), into
/// bench/results/publish/r2r: the build the end-to-end scenarios run unless --service names another.
/// </summary>
internal static class ServicePublisher
{
    public static async Task<string> PublishReadyToRunAsync()
    {
        var root = IngestSettings.RepositoryRoot();
        var output = Path.Combine(root, "bench", "results", "publish", "r2r");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var argument in (string[])["publish", Path.Combine("src", "ContractBridge"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "--nologo"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run dotnet publish.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "ContractBridge.dll");
    }
}
