namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>
/// One entry of the account's event feed (<c>GET /api/v4/events</c>). Only stage changes are recorded
/// (<c>lead_status_changed</c>): the one type the bridge reads. Timestamps are unix seconds.
/// </summary>
internal sealed class KommoEvent
{
    public const string LeadStatusChanged = "lead_status_changed";

    /// <summary>Kommo's event ids are strings (26 lowercase characters, ULID-like), not numbers.</summary>
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required long EntityId { get; init; }

    /// <summary>Singular, as the feed spells it: "lead".</summary>
    public required string EntityType { get; init; }

    public required long CreatedBy { get; init; }

    public required long CreatedAt { get; init; }

    /// <summary>The stage the lead left.</summary>
    public required LeadStage Before { get; init; }

    /// <summary>The stage the lead entered.</summary>
    public required LeadStage After { get; init; }
}
