namespace ContractBridge.Chaos.Infrastructure;

/// <summary>
/// Kills bridge instances with SIGKILL at random points of the work (when the visible progress passes random
/// thresholds, plus a random delay), one instance at a time, and restarts each at once. Seeded: the same seed picks
/// the same thresholds, delays and victims. <paramref name="killed"/>, when given, hears of each kill (the victim and the
/// process id it had) before the victim is restarted, so a watcher can time how soon the others take its work over.
/// </summary>
public sealed class Killer(IReadOnlyList<BridgeProcess> instances, int kills, Random random, Func<long> progress, long fullProgress, TextWriter log, Action<BridgeProcess, int>? killed = null)
{
    public int Done { get; private set; }

    public async Task RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var span = Math.Max(1, fullProgress - 1);
        var thresholds = Enumerable.Range(0, kills).Select(_ => 1 + (long)(random.NextDouble() * span)).Order().ToList();
        foreach (var threshold in thresholds)
        {
            await Until.TrueAsync(() => progress() >= threshold, $"progress {threshold} of {fullProgress} before kill {Done + 1}", timeout, cancellationToken, pollMilliseconds: 25);
            await Task.Delay(random.Next(0, 300), cancellationToken);
            var victim = instances[random.Next(instances.Count)];
            var processId = victim.ProcessId;
            await victim.KillAsync();
            Done++;
            if (processId is { } id)
            {
                killed?.Invoke(victim, id);
            }

            await log.WriteLineAsync($"  kill -9 #{Done}: {victim.Name} at progress {progress()}/{fullProgress}");
            await Task.Delay(random.Next(0, 1000), cancellationToken);
            await victim.StartAndWaitReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
    }
}
