using ContractBridge.Bench.Reporting;

namespace ContractBridge.Bench.Store;

/// <summary>Prints the store scenario's figures next to issue 17's targets and returns the correctness checks that failed (never a missed time).</summary>
internal static class StoreTable
{
    private const int ListPageSize = 100;

    public static IReadOnlyList<string> Print(StoreReport report)
    {
        var table = new FigureTable();
        void Row(string metric, string value, string target = "", bool? met = null) => table.Row(metric, value, target, met);

        var g = report.Generated;
        Row("generated", F($"{g.Contracts:N0} contracts ({g.OpenContracts:N0} open), {g.Events:N0} events, {g.Jobs:N0} jobs ({g.DeadJobs:N0} dead), {g.LinkStates:N0} link states, {g.Records:N0} records"));
        Row("generation time", F($"{g.Seconds:0.0} s ({g.RowSeconds:0.0} s rows, {g.IndexSeconds:0.0} s indexes; {(g.Events + g.Jobs + g.Contracts + g.LinkStates + g.Records) / g.RowSeconds:N0} rows/s)"));
        var f = report.Footprint;
        Row("bytes on disk per contract", F($"{f.BytesPerContract:N0} B ({f.DatabaseBytes / 1e6:N0} MB database + {f.WalBytes / 1e6:N0} MB wal, with its events and jobs)"), "reported");
        Row("service start to ready on the big store", F($"{report.ServiceReadySeconds:0.00} s"));
        foreach (var page in report.Pages)
        {
            Row($"{page.Name}: p50 / p99 / max ({page.Count})", F($"{page.P50Ms:0.0} / {page.P99Ms:0.0} / {page.MaxMs:0.0} ms"), "p99 ≤ 100 ms", page.Met);
            table.Check(page.Failures == 0, $"{page.Name} ({page.Path}): {page.Failures} wrong answers, first: {page.Note}");
        }

        foreach (var pass in report.Reconciler)
        {
            var pages = Math.Max(1, (pass.WorkflowsChanged + ListPageSize - 1) / ListPageSize);
            Row(F($"reconciler pass, {pass.WorkflowsChanged:N0} workflows changed of {pass.ContractsExisting:N0} contracts ({pass.OpenContracts:N0} open)"),
                F($"{pass.ListCalls} list pages; {pass.IroncladCalls} Ironclad + {pass.KommoCalls} Kommo calls in the pass; {pass.SyncsQueued} syncs queued; {pass.ServiceCpuSeconds:0.00} CPU s"),
                F($"≤ {pages} list page(s)"), pass.ListCalls <= pages);
        }

        if (report.Retention is { } r)
        {
            Row(F($"retention keeping {r.KeepDays:0} days: contracts / events / jobs"), F($"{r.Before.Contracts:N0} / {r.Before.Events:N0} / {r.Before.Jobs:N0} → {r.After.Contracts:N0} / {r.After.Events:N0} / {r.After.Jobs:N0}"), "bounded", r.After.Events < r.Before.Events);
            Row("retention: file (+wal) and free pages", F($"{r.Before.Bytes / 1e6:N0} MB → {r.After.Bytes / 1e6:N0} MB, {r.After.FreeBytes / 1e6:N0} MB free pages (reused by new rows; no VACUUM)"));
            Row("retention: service start → purge logged", r.WebhooksSent == 0 ? F($"{r.PurgeSeconds:0.0} s (over before the first webhook was sent)") : F($"{r.PurgeSeconds:0.0} s; slowest of {r.WebhooksSent} webhook acks meanwhile {r.SlowestAckMs:0} ms"));
            table.Check(r.AckFailures == 0, $"retention: {r.AckFailures} webhooks sent during the purge were not acknowledged");
        }

        table.Print();
        return table.Failures;
    }

    private static string F(FormattableString text) => FigureTable.F(text);
}
