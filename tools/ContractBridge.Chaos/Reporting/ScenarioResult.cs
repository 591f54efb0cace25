namespace ContractBridge.Chaos.Reporting;

/// <summary>One run of one scenario: what was done to the bridge, what it was asked, and what went wrong (must be nothing).</summary>
public sealed class ScenarioResult
{
    public required string Scenario { get; init; }

    /// <summary>"sqlite", or "postgresql ×2" for two instances sharing one database.</summary>
    public required string Store { get; init; }

    public int Seed { get; init; }

    public int Deals { get; set; }

    public int Kills { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>Faults injected, per kind, as the simulators counted them ("kommo.ServerError", "ironclad.WebhookDropped").</summary>
    public SortedDictionary<string, long> Faults { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests made: to the simulators' APIs by the bridge, webhooks delivered to the bridge, hostile requests.</summary>
    public SortedDictionary<string, long> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Everything else worth a number: workflows, notes, tasks, closed deals, PDFs, refreshes, answers by status.</summary>
    public SortedDictionary<string, long> Figures { get; } = new(StringComparer.Ordinal);

    public List<string> Violations { get; } = [];

    /// <summary>Set when the run could not finish (a deadline passed, the bridge did not start): that is a failure too.</summary>
    public string? Error { get; set; }

    /// <summary>Where the bridge's logs of this run are kept (deleted after a clean run).</summary>
    public string? WorkDirectory { get; set; }

    public bool Passed => Error is null && Violations.Count == 0;

    public long FaultTotal => Faults.Values.Sum();

    public long RequestTotal => Requests.Values.Sum();
}
