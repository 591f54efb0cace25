using System.Globalization;
using ContractBridge.Cli;

namespace ContractBridge.Demo;

/// <summary>
/// `demo`: starts everything (<see cref="DemoEnvironment"/>), plays <see cref="DemoStory"/> while
/// <see cref="DemoWatcher"/> prints the timeline, checks <see cref="DemoExpectations"/> against the simulators, and says
/// where the dashboard is. Exit 0 only when every expectation is met.
/// </summary>
public sealed class DemoRunner(TextWriter output, DemoSettings settings)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var timeline = new DemoTimeline(output, TimeProvider.System);
        timeline.Text("ContractBridge demo: the Kommo and Ironclad simulators and the service, on this machine, nothing configured.");
        DemoEnvironment demo;
        try
        {
            demo = await DemoEnvironment.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            timeline.Text($"The demo could not start: {ex.Message}");
            return ExitCodes.Failure;
        }

        await using (demo)
        {
            Introduce(demo, timeline);
            var story = new DemoStory(demo, timeline, settings);
            var storyFailure = await PlayAsync(demo, story, timeline, cancellationToken);
            var expectations = await DemoExpectations.CheckAsync(demo, story, cancellationToken);
            Report(demo, timeline, expectations, storyFailure);
            var succeeded = storyFailure is null && expectations.All(e => e.Met);
            if (settings.KeepRunning && !cancellationToken.IsCancellationRequested)
            {
                await KeepRunningAsync(demo, timeline, cancellationToken);
            }

            return succeeded ? ExitCodes.Success : ExitCodes.Failure;
        }
    }

    private static void Introduce(DemoEnvironment demo, DemoTimeline timeline)
    {
        var cast = demo.Cast;
        timeline.Text(string.Empty);
        timeline.Text($"  Kommo simulator     {demo.Kommo.BaseUrl}  (sample account: pipelines Sales and Renewals, reps Maria Lopez and John Carter)");
        timeline.Text($"  Ironclad simulator  {demo.Ironclad.BaseUrl}  (templates {string.Join(", ", demo.Ironclad.Control.Templates.Select(t => t.Name))})");
        timeline.Text($"  ContractBridge      {demo.Url}  (SQLite in {demo.DataDirectory})");
        timeline.Text($"  Rules               {cast.StageName(cast.Account.Sales.Id, cast.SalesSendContract)} → MSA;  {cast.StageName(cast.Account.Renewals.Id, cast.RenewalsSendContract)} → SOW");
        timeline.Text($"  Setup               connected at {new Uri(demo.Url, "/setup")} as an admin does, with the admin token:");
        foreach (var step in demo.Setup)
        {
            timeline.Text($"                        {step}");
        }

        timeline.Text(string.Empty);
        timeline.Text("Timeline (seconds since the demo started)");
    }

    /// <summary>Plays the story with the watcher running; returns why it stopped short, or null.</summary>
    private static async Task<string?> PlayAsync(DemoEnvironment demo, DemoStory story, DemoTimeline timeline, CancellationToken cancellationToken)
    {
        var watcher = new DemoWatcher(demo, timeline);
        await watcher.PrimeAsync(cancellationToken);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = watcher.RunAsync(stopWatching.Token);
        string? failure = null;
        try
        {
            await story.PlayAsync(cancellationToken);
        }
        catch (DemoStepFailedException ex)
        {
            failure = ex.Message;
        }
        catch (OperationCanceledException)
        {
            failure = "cancelled";
        }

        await stopWatching.CancelAsync();
        await watching;
        await watcher.LookAsync(CancellationToken.None);
        if (failure is not null)
        {
            timeline.Line("demo", $"STOPPED: {failure}");
        }

        return failure;
    }

    private static void Report(DemoEnvironment demo, DemoTimeline timeline, IReadOnlyList<DemoExpectation> expectations, string? storyFailure)
    {
        timeline.Text(string.Empty);
        timeline.Text("Outcome, checked against the simulators");
        foreach (var expectation in expectations)
        {
            timeline.Text($"  {(expectation.Met ? "PASS" : "FAIL")}  {expectation.What}  ({expectation.Detail})");
        }

        timeline.Text(string.Empty);
        timeline.Text($"Dashboard: {demo.Url}  (admin token {demo.AdminToken})");
        timeline.Text($"Setup:     {new Uri(demo.Url, "/setup")}  (both connections were made there at the start, stored encrypted: see their health, reconnect or change them)");
        var met = expectations.Count(e => e.Met);
        var seconds = timeline.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        timeline.Text(storyFailure is null && met == expectations.Count
            ? $"All {expectations.Count} expectations met in {seconds} s."
            : $"FAILED: {expectations.Count - met} of {expectations.Count} expectations not met{(storyFailure is null ? string.Empty : $"; the story stopped: {storyFailure}")}.");
    }

    private static async Task KeepRunningAsync(DemoEnvironment demo, DemoTimeline timeline, CancellationToken cancellationToken)
    {
        var envFile = Path.Combine(demo.DataDirectory, "demo.env");
        var lines = demo.Settings
            .Where(s => s.Key.StartsWith("ContractBridge:", StringComparison.Ordinal) && s.Value is not null)
            .Select(s => $"{s.Key.Replace(":", "__", StringComparison.Ordinal)}={s.Value}")
            .Append($"ContractBridge__PublicUrl={demo.Url}");
        await File.WriteAllLinesAsync(envFile, lines, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(envFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        timeline.Text(string.Empty);
        timeline.Text("Still running. Open the dashboard above, or point the CLI at this demo from another terminal:");
        timeline.Text($"  set -a; . {envFile}; set +a");
        timeline.Text("  dotnet run --project src/ContractBridge -- check");
        timeline.Text("  dotnet run --project src/ContractBridge -- contracts list");
        timeline.Text("Press Ctrl+C to stop (the temporary directory is removed).");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
