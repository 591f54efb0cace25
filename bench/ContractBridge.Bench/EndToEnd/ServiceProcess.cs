using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// The real service as its own process (<c>dotnet ContractBridge.dll serve</c>, or a published native executable), configured
/// through environment variables as an operator would, with SQLite in a fresh directory. Knows how long it took to answer
/// <c>/readyz</c> with 200, and samples its resident memory while it runs.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<ServiceProcess, bool> Running = new();
    private readonly Process process;
    private readonly string dataDirectory;
    private readonly bool keepDataDirectory;
    private readonly ConcurrentQueue<string> output = new();
    private readonly CancellationTokenSource stopSampling = new();
    private Task sampling = Task.CompletedTask;
    private double peakSampledRssMb;
    private MemoryBreakdown? peakBreakdown;

    private ServiceProcess(Process process, Uri url, string dataDirectory, bool keepDataDirectory)
    {
        this.process = process;
        Url = url;
        this.dataDirectory = dataDirectory;
        this.keepDataDirectory = keepDataDirectory;
    }

    /// <summary>Each line the service prints, as it prints it (the store scenario waits for a pass's log line).</summary>
    public event Action<string>? LinePrinted;

    public Uri Url { get; }

    public int Pid => process.Id;

    public string DatabasePath => Path.Combine(dataDirectory, Engine.Storage.BridgeStoreFactory.SqliteFileName);

    /// <summary>From just before the process was started to the first 200 from /readyz.</summary>
    public TimeSpan TimeToReady { get; private set; }

    /// <summary>
    /// Starts the service and waits until it is ready. <paramref name="service"/> is a .dll (run with the dotnet host) or an
    /// executable; <paramref name="environment"/> is its configuration (ContractBridge__… variables, DOTNET_… knobs).
    /// <paramref name="dataDirectory"/>: a data directory to use and keep (the store scenario's generated database); null
    /// for a fresh one, deleted when the service is disposed.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string? dataDirectory = null)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var keep = dataDirectory is not null;
        dataDirectory ??= Directory.CreateTempSubdirectory("contractbridge-e2e-").FullName;
        var start = new ProcessStartInfo
        {
            FileName = service.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : service,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        if (start.FileName == "dotnet")
        {
            start.ArgumentList.Add(service);
        }

        foreach (var argument in (string[])["serve", "--urls", url.ToString().TrimEnd('/'), "--data-dir", dataDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {service}.");
        var started = new ServiceProcess(process, url, dataDirectory, keep);
        Running[started] = true;
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await started.WaitUntilReadyAsync(clock, timeout);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        started.TimeToReady = clock.Elapsed;
        started.sampling = started.SampleAsync(started.stopSampling.Token);
        return started;
    }

    /// <summary>Resident memory now, its peak over the process's life (VmHWM, or the highest sample if larger), and CPU seconds used.</summary>
    public (double RssMb, double PeakRssMb, double CpuSeconds) Memory()
    {
        var (rss, peak) = ProcessMemory.Read(process.Id);
        return (rss, Math.Max(peak, Volatile.Read(ref peakSampledRssMb)), ProcessMemory.CpuSeconds(process.Id));
    }

    /// <summary>What the resident memory was made of at the highest sample.</summary>
    public MemoryBreakdown? PeakBreakdown => Volatile.Read(ref peakBreakdown);

    /// <summary>The last lines the service printed, to explain a failure.</summary>
    public string Tail(int lines = 20) => string.Join('\n', output.TakeLast(lines));

    /// <summary>Kills every service this process started and has not stopped yet (a benchmark that failed half-way).</summary>
    public static void KillAll()
    {
        foreach (var service in Running.Keys)
        {
            service.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(3));
        await stopSampling.CancelAsync();
        try
        {
            await sampling;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            // The process is gone; its last samples are all there is.
        }

        process.Dispose();
        stopSampling.Dispose();
        if (keepDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops the service (a trace or the database is closed properly), then SIGKILL after <paramref name="grace"/>.</summary>
    private async Task StopAsync(TimeSpan grace)
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Kill();
        await process.WaitForExitAsync();
    }

    private void Kill()
    {
        Running.TryRemove(this, out _);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        LinePrinted?.Invoke(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync(Stopwatch clock, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var readyz = new Uri(Url, "/readyz");
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} before it was ready:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(readyz);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (clock.Elapsed < timeout)
            {
                // Listening but slow to answer (several instances starting on two busy cores): ask again.
            }

            await Task.Delay(2);
        }

        throw new TimeoutException($"The service was not ready within {timeout.TotalSeconds:0} s:\n{Tail()}");
    }

    private async Task SampleAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested && !process.HasExited)
            {
                var sample = ProcessMemory.Breakdown(process.Id);
                if (sample.RssMb > peakSampledRssMb)
                {
                    Volatile.Write(ref peakSampledRssMb, sample.RssMb);
                    Volatile.Write(ref peakBreakdown, sample);
                }

                await Task.Delay(50, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
