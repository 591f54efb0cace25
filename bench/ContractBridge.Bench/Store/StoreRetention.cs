using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContractBridge.Bench.EndToEnd;

namespace ContractBridge.Bench.Store;

/// <summary>
/// Starts the service on the big store with retention keeping <see cref="StoreSettings.KeepFor"/> and running a second
/// after the start, waits for its log line, and reads the store before and after. Meanwhile a Kommo webhook is sent
/// every quarter second: its acknowledgement waits for the database's one writer, which the purge holds.
/// </summary>
internal static class StoreRetention
{
    private const string PurgedLine = "Retention: deleted";
    private const string FailedLine = "Retention pass failed";

    public static async Task<RetentionResult> RunAsync(StoreSettings settings, string dataDirectory, string databasePath)
    {
        var before = StoreFootprint.Read(databasePath);
        var environment = new Dictionary<string, string>
        {
            ["ContractBridge__Retention__KeepFor"] = settings.KeepFor.ToString("c", CultureInfo.InvariantCulture),
            ["ContractBridge__Retention__Interval"] = "00:00:01",
            ["Logging__LogLevel__ContractBridge.Engine.Hosting.RetentionService"] = "Information",
        };
        var clock = Stopwatch.StartNew();
        double purged;
        var acks = new List<double>();
        var failures = 0;
        await using (var world = await BenchWorld.StartAsync(settings.World(), 60, environment: environment, dataDirectory: dataDirectory))
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            world.Service.LinePrinted += line =>
            {
                if (line.Contains(PurgedLine, StringComparison.Ordinal))
                {
                    done.TrySetResult();
                }
                else if (line.Contains(FailedLine, StringComparison.Ordinal))
                {
                    done.TrySetException(new InvalidOperationException($"The retention pass failed:\n{world.Service.Tail()}"));
                }
            };
            if (world.Service.Tail(200).Contains(PurgedLine, StringComparison.Ordinal))
            {
                done.TrySetResult();
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
            var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(30));
            while (!done.Task.IsCompleted && !deadline.IsCancellationRequested)
            {
                var body = StoreRows.KommoBody(0, statusChange: false, StoreRows.SendContractStage, StoreRows.SendContractStage, ++second, second - 86_400);
                using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(world.KommoWebhookUrl, content);
                acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                failures += response.IsSuccessStatusCode ? 0 : 1;
                await Task.WhenAny(done.Task, Task.Delay(250));
            }

            if (done.Task.IsFaulted)
            {
                await done.Task;
            }

            if (!done.Task.IsCompleted)
            {
                throw new TimeoutException($"Retention did not log a purge within 30 minutes:\n{world.Service.Tail()}");
            }

            purged = clock.Elapsed.TotalSeconds;
        }

        return new RetentionResult(settings.KeepFor.TotalDays, before, StoreFootprint.Read(databasePath), purged, acks.Count, acks.Count == 0 ? 0 : acks.Max(), failures);
    }
}
