using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A note on a lead: common text, a service message, an attachment, ... <see cref="Params"/> is kept as sent.</summary>
internal sealed class KommoNote
{
    public required long Id { get; init; }

    public required long EntityId { get; init; }

    public string EntityType { get; init; } = "leads";

    public required string NoteType { get; init; }

    public required JsonObject Params { get; init; }

    public long CreatedBy { get; init; }

    public long ResponsibleUserId { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }
}
