using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// A program of this build (ContractBridge.dll and the chaos tool are copied beside the tests) run as its own process with
/// `dotnet`, as an operator runs it: its own environment and working directory, everything it prints kept as written
/// (whether the last line ends with a newline shows). Configuration inherited from the test's own environment is removed,
/// so only what the test gives counts.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly string[] InheritedConfigurationPrefixes = ["KOMMO_", "IRONCLAD_", "CONTRACTBRIDGE_", "ContractBridge__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "Logging__"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Task _reading;

    private ChildProcess(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(DrainAsync(process.StandardOutput, _output), DrainAsync(process.StandardError, _error));
    }

    public static string ServiceAssembly => Path.Combine(AppContext.BaseDirectory, "ContractBridge.dll");

    public static string ChaosAssembly => Path.Combine(AppContext.BaseDirectory, "ContractBridge.Chaos.dll");

    public bool HasExited => _process.HasExited;

    /// <summary>What it printed so far, for messages.</summary>
    public CliResult SoFar => new(_process.HasExited ? _process.ExitCode : -1, Read(_output), Read(_error));

    public static ChildProcess Start(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => InheritedConfigurationPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {assembly} did not start.");
        process.StandardInput.Close();
        return new ChildProcess(process);
    }

    /// <summary>Runs the program to its end.</summary>
    public static async Task<CliResult> RunAsync(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        await using var process = Start(assembly, arguments, environment, workingDirectory);
        return await process.WaitForExitAsync();
    }

    /// <summary>Waits for the program to end (a minute at most: then it is killed and the wait fails with what it printed).</summary>
    public async Task<CliResult> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', _process.StartInfo.ArgumentList)} did not end within a minute.\n{SoFar}");
        }

        await _reading;
        return SoFar;
    }

    /// <summary>Waits until the service answers /readyz at <paramref name="url"/>; fails with what it printed when it ends first.</summary>
    public async Task WaitReadyAsync(Uri url)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.GetAsync(
            async () =>
            {
                Assert.False(_process.HasExited, $"It ended before it was ready.\n{SoFar}");
                try
                {
                    using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                    return response.StatusCode == HttpStatusCode.OK ? response : null;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            $"{url} to answer /readyz");
    }

    /// <summary>SIGTERM, as systemd stops a service.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task DrainAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
