using ContractBridge.Bench.Reporting;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// Prints a report as figures next to their targets (issue 17's) and returns the correctness checks that failed. A
/// deal's launch needs four upstream round trips one after the other (read the lead; its contact and company side by
/// side; launch; note), its close two (read the workflow; move the deal): the single deal is measured against those,
/// and a burst against the launch-rate bound plus one such chain.
/// </summary>
internal static class E2eTable
{
    private const int LaunchRoundTrips = 4;
    private const int CloseRoundTrips = 2;

    public static IReadOnlyList<string> Print(E2eReport report)
    {
        var roundTrip = report.LatencyMs / 1000;
        var launchChain = LaunchRoundTrips * roundTrip;
        var table = new FigureTable();
        void Row(string metric, string value, string target = "", bool? met = null) => table.Row(metric, value, target, met);

        foreach (var s in report.Startup)
        {
            Row($"start to ready, {s.Build}, {s.Setting}", F($"{s.MedianMs:0} ms (min {s.MinMs:0}, max {s.MaxMs:0}; {s.MedianCpuMsAtReady:0} ms CPU; RSS {s.MedianRssAtReadyMb:0} MB)"), "≤ 300 ms", s.MedianMs <= 300);
        }

        if (report.Ack is { } ack)
        {
            Row($"webhook ack at {ack.OfferedPerSecond:0}/s: p50 / p99 / max", F($"{ack.P50Ms:0.0} / {ack.P99Ms:0.0} / {ack.MaxMs:0.0} ms"), "p99 ≤ 10 ms", ack.P99Ms <= 10);
            Row("webhook ack: sustained rate, errors, service CPU", F($"{ack.AcknowledgedPerSecond:0}/s, {ack.Errors} errors, {ack.ServiceCpuMsPerWebhook:0.00} ms CPU per webhook"), F($"{ack.OfferedPerSecond:0}/s, 0"), ack.Errors == 0 && ack.AcknowledgedPerSecond >= ack.OfferedPerSecond * 0.99);
            table.Check(ack.Errors == 0, $"{ack.Errors} webhooks were not acknowledged with 200");
        }

        var bursts = new[] { ("single deal", report.SingleDeal), ($"burst of {report.Burst?.Deals}", report.Burst) }
            .Concat(report.Fleet.Select(f => ($"burst of {f.Deals}, {f.Deployment}", (BurstResult?)f)));
        foreach (var (label, burst) in bursts)
        {
            if (burst is null)
            {
                continue;
            }

            // The calls-per-deal target is stated for bursts of 1,000 and more; the time target for 100 and more.
            var isBurst = burst.Deals >= 1000;
            if (burst.Deals == 1)
            {
                Row($"{label}: move to launch note / {LaunchRoundTrips} round trips", F($"{burst.NotedSeconds:0.00} s / {launchChain:0.00} s = {burst.NotedSeconds / launchChain:0.00}x"), "≤ 1.2x", burst.NotedSeconds <= 1.2 * launchChain);
                Row("the first deal after a start: move to launch note (cold)", F($"{burst.FirstDealNotedSeconds:0.00} s"));
                Row($"{label}: the chain (s after the move)", string.Join("; ", burst.Chain.Select(c => F($"{c.Seconds:0.00} {c.What}"))));
            }
            else
            {
                var bound = burst.BoundSeconds + launchChain;
                var target = burst.Deals >= 100;
                Row($"{label}: launched + noted / (bound + chain)", F($"{burst.NotedSeconds:0.00} s / ({burst.BoundSeconds:0.00} + {launchChain:0.00}) s = {burst.NotedSeconds / bound:0.000}x"), target ? "≤ 1.05x" : string.Empty, target ? burst.NotedSeconds <= 1.05 * bound : null);
            }

            Row($"{label}: first / last launch", F($"{burst.FirstLaunchSeconds:0.00} s / {burst.LastLaunchSeconds:0.00} s"));
            Row($"{label}: 429s received (Kommo, Ironclad)", F($"{burst.KommoTooManyRequests}, {burst.IroncladTooManyRequests}"), "0, 0", burst.KommoTooManyRequests + burst.IroncladTooManyRequests == 0);
            Row($"{label}: launched exactly once", F($"{burst.Workflows} workflows, {burst.DistinctLeadsLaunched} leads, {burst.LeadsWithOneLaunchNote} single launch notes"), F($"{burst.Deals} each"), burst.ExactlyOnce);
            table.Check(burst.KommoTooManyRequests + burst.IroncladTooManyRequests == 0, $"{label}: 429s were received");
            table.Check(burst.ExactlyOnce, $"{label}: not every deal was launched exactly once");
            if (burst.Lifecycle is not { } life)
            {
                continue;
            }

            var c = life.Calls;
            Row($"{label}: life (sign / Closed-Won / executed / complete)", F($"{life.SignatureSeconds:0.00} / {life.ClosedWonSeconds:0.00} / {life.ExecutedSeconds:0.00} / {life.CompleteSeconds:0.00} s; {life.LeadsClosedWon} won, {life.LeadsWithPdf} PDFs, {life.LeadsWithTask} tasks, {life.DeadJobs} dead jobs"));
            if (burst.Deals == 1)
            {
                var close = CloseRoundTrips * roundTrip;
                Row($"{label}: executed to Closed-Won / {CloseRoundTrips} round trips", F($"{life.ClosedWonSeconds:0.00} s / {close:0.00} s = {life.ClosedWonSeconds / close:0.00}x"), "≤ 1.2x", life.ClosedWonSeconds <= 1.2 * close);
                Row($"{label}: the close's chain (s after signed)", string.Join("; ", life.CloseChain.Select(c => F($"{c.Seconds:0.00} {c.What}"))));
            }

            Row($"{label}: Kommo reads+notes+moves per deal", F($"{c.KommoReadsNotesMovesPerDeal:0.000} ({c.Per(c.KommoReads):0.000} + {c.Per(c.KommoNotes):0.000} + {c.Per(c.KommoStageMoves):0.000})"), isBurst ? "≤ 0.1" : string.Empty, isBurst ? c.KommoReadsNotesMovesPerDeal <= 0.1 : null);
            Row($"{label}: Kommo tasks, drive upload per deal", F($"{c.Per(c.KommoTasks):0.000}, {c.Per(c.KommoDrive):0.000}"));
            Row($"{label}: Ironclad launches per deal", F($"{c.Per(c.IroncladLaunches):0.000}"), "1", c.IroncladLaunches == c.Deals);
            Row($"{label}: Ironclad template look-ups per launch", F($"{(c.IroncladLaunches == 0 ? 0 : c.IroncladTemplateLookups / (double)c.IroncladLaunches):0.000}"), isBurst ? "≤ 0.05" : string.Empty, isBurst ? c.IroncladTemplateLookups <= 0.05 * c.IroncladLaunches : null);
            Row($"{label}: Ironclad workflow reads, documents per deal", F($"{c.Per(c.IroncladWorkflowReads):0.00}, {c.Per(c.IroncladDocuments):0.00}"));
            Row($"{label}: peak RSS of the service", F($"{life.PeakRssMb:0} MB ({life.PeakMemory}; {life.CpuSeconds:0.0} CPU s)"), burst.Deals > 1 ? "≤ 100 MB" : string.Empty, burst.Deals > 1 ? life.PeakRssMb <= 100 : null);
            table.Check(life.LeadsClosedWon == burst.Deals && life.LeadsWithPdf == burst.Deals && life.LeadsWithTask == burst.Deals, $"{label}: not every deal was closed with its PDF and task");
            table.Check(c.KommoTooManyRequests + c.IroncladTooManyRequests == 0, $"{label}: 429s were received during the lifecycle");
        }

        if (report.Fleet is [var one, .., var many] && one != many)
        {
            Row($"fleet: {many.Deployment} against {one.Deployment}", F($"{many.NotedSeconds:0.00} s against {one.NotedSeconds:0.00} s = {many.NotedSeconds / one.NotedSeconds:0.000}x; bound ratios {many.Ratio:0.000}x and {one.Ratio:0.000}x"));
        }

        var first = report.Scaling.FirstOrDefault();
        foreach (var s in report.Scaling)
        {
            var growth = first is null || s == first ? string.Empty : F($"; x{s.Deals / (double)first.Deals:0} deals: x{s.NotedSeconds / first.NotedSeconds:0.0} time, x{s.PeakRssMb / first.PeakRssMb:0.00} memory");
            // Issue 17's target for every size: launched and noted within 1.05x the rate-limit bound plus one single-deal chain.
            var bound = s.BoundSeconds + launchChain;
            Row(
                $"scaling N={s.Deals} at {s.Scale:0}x: noted / (bound + chain)",
                F($"{s.NotedSeconds:0.0} s / ({s.BoundSeconds:0.0} + {launchChain:0.00}) s = {s.NotedSeconds / bound:0.000}x; peak RSS {s.PeakRssMb:0} MB ({s.PeakMemory}), {s.CpuSeconds:0.0} CPU s{growth}"),
                "≤ 1.05x",
                s.NotedSeconds <= 1.05 * bound);
            table.Check(s.ExactlyOnce && s.KommoTooManyRequests + s.IroncladTooManyRequests == 0, $"scaling N={s.Deals}: 429s or a deal not launched exactly once");
        }

        table.Print();
        return table.Failures;
    }

    private static string F(FormattableString text) => FigureTable.F(text);
}
