namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A task ("call the client before Friday"), usually on a lead. What PATCH /tasks may change is settable.</summary>
internal sealed class KommoTask
{
    public required long Id { get; init; }

    public long? EntityId { get; init; }

    public string? EntityType { get; init; }

    public required string Text { get; set; }

    public long CompleteTill { get; set; }

    public long TaskTypeId { get; set; }

    public long ResponsibleUserId { get; set; }

    public bool IsCompleted { get; set; }

    public long Duration { get; set; }

    public long CreatedBy { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; set; }
}
