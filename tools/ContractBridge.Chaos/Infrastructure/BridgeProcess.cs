using System.Diagnostics;
using System.Net;

namespace ContractBridge.Chaos.Infrastructure;

/// <summary>
/// The real service as a child process: <c>dotnet ContractBridge.dll serve</c>, configured through environment variables
/// only, as an operator would run it. Every line it writes (stdout and stderr) goes to a log file, which the secret scan
/// reads at the end. <see cref="KillAsync"/> is SIGKILL: no shutdown hook, no flush, no finally block runs.
/// </summary>
public sealed class BridgeProcess : IAsyncDisposable
{
    private static readonly string[] InheritedConfigurationPrefixes = ["KOMMO_", "IRONCLAD_", "CONTRACTBRIDGE_", "ContractBridge__", "ASPNETCORE_", "Logging__"];

    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyList<string> _arguments;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly Queue<string> _recent = new();
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? _process;

    public BridgeProcess(string name, Uri url, IReadOnlyDictionary<string, string?> settings, IReadOnlyList<string> extraArguments, string logPath)
    {
        Name = name;
        Url = url;
        LogPath = logPath;
        _environment = ToEnvironment(settings);
        _arguments = ["serve", "--urls", url.GetLeftPart(UriPartial.Authority), .. extraArguments];
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    /// <summary>The service's assembly, copied beside this program by the project reference.</summary>
    public static string ServiceAssembly => Path.Combine(AppContext.BaseDirectory, "ContractBridge.dll");

    public string Name { get; }

    public Uri Url { get; }

    public string LogPath { get; }

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process's id (the service names its job engine after it: machine:pid:suffix); null when not running.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>Starts the process; <see cref="WaitReadyAsync"/> waits until it answers /readyz.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(ServiceAssembly);
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => InheritedConfigurationPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process?.Dispose();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        Write($"#chaos: {Name} started (pid {process.Id}, start {Starts})");
    }

    public async Task StartAndWaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Start();
        await WaitReadyAsync(timeout, cancellationToken);
    }

    /// <summary>Polls /readyz until it answers 200; fails with the process's last lines when it exits or the time is up.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start (exit code {_process?.ExitCode}). Last lines:\n{RecentOutput}");
            }

            try
            {
                using var response = await _probe.GetAsync(new Uri(Url, "/readyz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not become ready within {timeout.TotalSeconds:0} s. Last lines:\n{RecentOutput}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Kills++;
        Write($"#chaos: {Name} killed with SIGKILL (pid {process.Id})");
    }

    /// <summary>The last lines the process wrote, for error messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_logLock)
            {
                return string.Join('\n', _recent);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _probe.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.WriteLine(line);
            _recent.Enqueue(line);
            if (_recent.Count > 60)
            {
                _recent.Dequeue();
            }
        }
    }

    /// <summary>"ContractBridge:Kommo:BaseUrl" → ContractBridge__Kommo__BaseUrl, the form .NET reads from the environment.</summary>
    private static Dictionary<string, string> ToEnvironment(IReadOnlyDictionary<string, string?> settings) =>
        settings.Where(s => s.Value is not null && s.Key != "urls")
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!, StringComparer.Ordinal);
}
