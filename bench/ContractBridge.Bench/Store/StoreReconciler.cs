using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractBridge.Bench.EndToEnd;
using ContractBridge.Flows.Reconcile;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Bench.Store;

/// <summary>
/// Runs the Ironclad reconciler on the big store (every second, the least its options allow) and, for each size in
/// turn, launches workflows in the Ironclad simulator until that many have changed since the watermark, then times the
/// next whole pass: a pass's upstream calls follow what Ironclad says changed, whatever the store holds.
/// </summary>
internal static partial class StoreReconciler
{
    public const string ListEndpoint = "GET /public/api/v1/workflows";

    /// <summary>The environment the service runs the probe with: a pass a second, its pass line logged.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["ContractBridge__Reconciler__Interval"] = "00:00:01",
        ["Logging__LogLevel__ContractBridge.Flows.Reconcile.ContractReconciler"] = "Information",
    };

    /// <summary>
    /// Sets the reconciler's watermark to <paramref name="since"/> (as a pass leaves it), so the first pass on the
    /// generated store reads only what changed after, and frees its lease: the instance the bench stopped before held it
    /// for an interval (the Ironclad reconciler does not give it back at a stop), and the next would wait that long.
    /// </summary>
    public static void Prepare(string databasePath, DateTimeOffset since)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO key_values (key, value, updated_at) VALUES (@key, @value, @now) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
            DELETE FROM named_leases WHERE name = @lease;
            """;
        command.Parameters.AddWithValue("@lease", ContractReconciler.LeaseName);
        command.Parameters.AddWithValue("@key", ContractReconciler.SinceKey);
        command.Parameters.AddWithValue("@value", since.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("@now", Engine.Storage.DbTime.ToMicroseconds(since));
        command.ExecuteNonQuery();
    }

    public static async Task<List<ReconcilerPass>> ProbeAsync(BenchWorld world, long contracts, IReadOnlyList<int> sizes)
    {
        using var passes = new PassLines(world.Service);
        var template = world.Ironclad.Control.Templates.First(t => t.Name == "MSA");
        var creator = world.Ironclad.Control.Users[0];
        var launched = 0;
        var results = new List<ReconcilerPass>();
        foreach (var size in sizes)
        {
            for (; launched < size; launched++)
            {
                world.Ironclad.State.Launch(template, new JsonObject { ["counterpartyName"] = $"Reconciled Co {launched + 1}" }, creator);
            }

            // The pass under way may have started before the launches: the next one starts after them, and is timed.
            await passes.NextAsync();
            var before = Snapshot(world);
            var line = await passes.NextAsync();
            var after = Snapshot(world);
            var figures = PassLine().Match(line);
            results.Add(new ReconcilerPass(
                contracts,
                long.Parse(figures.Groups["open"].Value, CultureInfo.InvariantCulture),
                launched,
                int.Parse(figures.Groups["queued"].Value, CultureInfo.InvariantCulture),
                after.List - before.List,
                after.Ironclad - before.Ironclad,
                after.Kommo - before.Kommo,
                after.Cpu - before.Cpu));
        }

        return results;
    }

    private static (long List, long Ironclad, long Kommo, double Cpu) Snapshot(BenchWorld world)
    {
        var ironclad = world.Ironclad.Control.Calls();
        return (ironclad.ByEndpoint.GetValueOrDefault(ListEndpoint), ironclad.Total, world.Kommo.Control.Calls.Total, world.Service.Memory().CpuSeconds);
    }

    [GeneratedRegex("Reconciler: (?<open>[0-9]+) open contracts, (?<queued>[0-9]+) changed")]
    private static partial Regex PassLine();

    /// <summary>The reconciler's pass lines as the service prints them, one at a time.</summary>
    private sealed class PassLines : IDisposable
    {
        private readonly ServiceProcess service;
        private readonly System.Threading.Channels.Channel<string> lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public PassLines(ServiceProcess service)
        {
            this.service = service;
            service.LinePrinted += OnLine;
        }

        public async Task<string> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                return await lines.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No reconciler pass was logged within 2 minutes:\n{service.Tail()}");
            }
        }

        public void Dispose() => service.LinePrinted -= OnLine;

        private void OnLine(string line)
        {
            if (PassLine().IsMatch(line))
            {
                lines.Writer.TryWrite(line);
            }
        }
    }
}
