namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A sales rep writing a common note on a deal (sends note_lead).</summary>
public sealed record WriteNote
{
    public required long LeadId { get; init; }

    public required string Text { get; init; }

    /// <summary>The note's author (created_by); defaults to the lead's responsible user.</summary>
    public long? ByUserId { get; init; }
}
