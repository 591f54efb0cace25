namespace ContractBridge.Bench.EndToEnd;

/// <summary>One step of a deal's launch as the simulators saw it: when (seconds after the move) and what.</summary>
internal sealed record ChainStep(double Seconds, string What);

/// <summary>
/// Where one deal's time went: every call either simulator received since the move, and when the service answered
/// Kommo's webhook, in order. Shows which of the round trips ran one after the other, which side by side, and what
/// waited between them.
/// </summary>
internal static class CallChain
{
    public static IReadOnlyList<ChainStep> Since(DateTimeOffset movedAt, BenchWorld world)
    {
        var kommo = world.Kommo.Control.CallTimeline.Select(c => Step(movedAt, c.ArrivedAt, $"Kommo {c.Endpoint}"));
        var ironclad = world.Ironclad.Control.CallTimeline().Select(c => Step(movedAt, c.ArrivedAt, $"Ironclad {c.Endpoint}"));
        var webhooks = world.Kommo.Control.WebhookAttempts.Select(a => Step(movedAt, a.At, $"webhook answered {a.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? a.Error}"));
        return [.. kommo.Concat(ironclad).Concat(webhooks).Where(s => s.Seconds >= 0).OrderBy(s => s.Seconds)];
    }

    private static ChainStep Step(DateTimeOffset movedAt, DateTimeOffset at, string what) => new((at - movedAt).TotalSeconds, what);
}
