namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A task ("call the client before Friday"), usually on a lead.</summary>
internal sealed class KommoTask
{
    public required long Id { get; init; }

    public long? EntityId { get; init; }

    public string? EntityType { get; init; }

    public required string Text { get; init; }

    public long CompleteTill { get; init; }

    public long TaskTypeId { get; init; }

    public long ResponsibleUserId { get; init; }

    public bool IsCompleted { get; init; }

    public long Duration { get; init; }

    public long CreatedBy { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }
}
