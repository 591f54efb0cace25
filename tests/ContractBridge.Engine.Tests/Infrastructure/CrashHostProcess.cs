using System.Collections.Concurrent;
using System.Diagnostics;

namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>The CrashHost program run as a real child process, its stdout line protocol collected as it arrives.</summary>
public sealed class CrashHostProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> errors = new();

    private CrashHostProcess(Process process)
    {
        this.process = process;
    }

    public ConcurrentBag<string> Acknowledged { get; } = [];

    public int Runs => runs;

    public int Pid => process.Id;

    public bool Drained { get; private set; }

    public string Errors => string.Join(Environment.NewLine, errors);

    private int runs;

    public static CrashHostProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContractBridge.Engine.CrashHost.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var host = new CrashHostProcess(process);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                host.errors.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>SIGKILL on Linux: no shutdown hook, no flush, no finally block runs.</summary>
    public void KillNow() => process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("ACK ", StringComparison.Ordinal))
        {
            Acknowledged.Add(line[4..]);
        }
        else if (line.StartsWith("RAN ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref runs);
        }
        else if (line == "DRAINED")
        {
            Drained = true;
        }
    }
}
