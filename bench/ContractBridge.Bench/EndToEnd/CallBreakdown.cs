using ContractBridge.Simulators.Common;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// Upstream calls as the simulators counted them, per deal and grouped the way the targets are stated: Kommo reads, notes,
/// stage moves, tasks and drive uploads; Ironclad launches, template look-ups, workflow reads and document transfers.
/// </summary>
internal sealed record CallBreakdown(
    int Deals,
    long KommoTotal,
    long KommoReads,
    long KommoNotes,
    long KommoStageMoves,
    long KommoTasks,
    long KommoDrive,
    long KommoTooManyRequests,
    long IroncladTotal,
    long IroncladLaunches,
    long IroncladTemplateLookups,
    long IroncladWorkflowReads,
    long IroncladDocuments,
    long IroncladTooManyRequests,
    IReadOnlyDictionary<string, long> KommoByEndpoint,
    IReadOnlyDictionary<string, long> IroncladByEndpoint)
{
    /// <summary>The target's sum: reads, notes and stage moves (not tasks, not the drive upload of the PDF).</summary>
    public double KommoReadsNotesMovesPerDeal => Per(KommoReads + KommoNotes + KommoStageMoves);

    public double KommoPerDeal(long calls) => Per(calls);

    public double Per(long calls) => Deals == 0 ? 0 : calls / (double)Deals;

    public static CallBreakdown From(int deals, CallCounts kommo, CallCounts ironclad)
    {
        long Kommo(Func<string, string, bool> match) => Sum(kommo, match);
        long Ironclad(Func<string, string, bool> match) => Sum(ironclad, match);
        static bool IsDrive(string path) => path.StartsWith("/drive", StringComparison.Ordinal) || path.Contains("/upload", StringComparison.Ordinal);
        static bool IsDocument(string path) => path.Contains("/document", StringComparison.Ordinal);
        return new CallBreakdown(
            deals,
            kommo.Total,
            Kommo((method, path) => method == "GET" && !IsDrive(path)),
            Kommo((method, path) => method == "POST" && path.EndsWith("/notes", StringComparison.Ordinal)),
            Kommo((method, path) => method == "PATCH" && path.StartsWith("/api/v4/leads", StringComparison.Ordinal)),
            Kommo((method, path) => method == "POST" && path == "/api/v4/tasks"),
            Kommo((_, path) => IsDrive(path)),
            kommo.TooManyRequests,
            ironclad.Total,
            Ironclad((method, path) => method == "POST" && path.TrimEnd('/').EndsWith("/workflows", StringComparison.Ordinal)),
            Ironclad((method, path) => method == "GET" && path.Contains("/workflow-schemas", StringComparison.Ordinal)),
            Ironclad((method, path) => method == "GET" && path.Contains("/workflows", StringComparison.Ordinal) && !IsDocument(path)),
            Ironclad((_, path) => IsDocument(path)),
            ironclad.TooManyRequests,
            kommo.ByEndpoint,
            ironclad.ByEndpoint);
    }

    private static long Sum(CallCounts counts, Func<string, string, bool> match) =>
        counts.ByEndpoint.Where(e => Split(e.Key) is var (method, path) && match(method, path)).Sum(e => e.Value);

    private static (string Method, string Path) Split(string endpoint)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (endpoint, string.Empty) : (endpoint[..space], endpoint[(space + 1)..]);
    }
}
