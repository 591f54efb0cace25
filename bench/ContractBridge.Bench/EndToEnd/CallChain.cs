namespace ContractBridge.Bench.EndToEnd;

/// <summary>One step of a deal's launch as the simulators saw it: when (seconds after the move) and what.</summary>
internal sealed record ChainStep(double Seconds, string What);

/// <summary>
/// Where one deal's time went: every call either simulator received since the move, and when the service answered
/// each simulator's webhooks, in order. Shows which of the round trips ran one after the other, which side by side, and what
/// waited between them.
/// </summary>
internal static class CallChain
{
    public static IReadOnlyList<ChainStep> Since(DateTimeOffset movedAt, BenchWorld world)
    {
        var kommo = world.Kommo.Control.CallTimeline.Select(c => Step(movedAt, c.ArrivedAt, $"Kommo {c.Endpoint}"));
        var ironclad = world.Ironclad.Control.CallTimeline().Select(c => Step(movedAt, c.ArrivedAt, $"Ironclad {c.Endpoint}"));
        var webhooks = world.Kommo.Control.WebhookAttempts.Select(a => Answered(movedAt, "Kommo", a))
            .Concat(world.Ironclad.Control.WebhookAttempts().Select(a => Answered(movedAt, "Ironclad", a)));
        return [.. kommo.Concat(ironclad).Concat(webhooks).Where(s => s.Seconds >= 0).OrderBy(s => s.Seconds)];
    }

    private static ChainStep Answered(DateTimeOffset movedAt, string sender, Simulators.Common.WebhookAttempt attempt) =>
        Step(movedAt, attempt.At, $"{sender} webhook answered {attempt.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? attempt.Error}");

    private static ChainStep Step(DateTimeOffset movedAt, DateTimeOffset at, string what) => new((at - movedAt).TotalSeconds, what);
}
