using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// A contract record (Ironclad's repository entry for an executed contract), created from its workflow when the workflow
/// reaches Archive. Mutable, and only touched under the state's lock; the outside world sees <see cref="RecordSnapshot"/>s
/// and JSON built from it.
/// </summary>
public sealed class ContractRecord
{
    public required string Id { get; init; }

    /// <summary>The workflow's "IC-n": a record created by a workflow carries its number.</summary>
    public required string IroncladId { get; init; }

    /// <summary>The record type, from the template (<c>msa</c>, <c>nda</c>).</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public required string WorkflowId { get; init; }

    /// <summary>Properties as Ironclad names them (counterpartyName, contractValue, agreementDate), the expiration date apart.</summary>
    public required JsonObject Properties { get; init; }

    /// <summary>The <c>expirationDate</c> property: a day, or none.</summary>
    public DateOnly? ExpirationDate { get; set; }

    public required RecordContractStatus ContractStatus { get; set; }

    public DateTimeOffset LastUpdated { get; set; }

    public List<EmittedEvent> Events { get; } = [];

    public RecordSnapshot Snapshot() =>
        new(Id, IroncladId, Type, Name, WorkflowId, ExpirationDate, ContractStatus, LastUpdated, (JsonObject)Properties.DeepClone(), [.. Events]);
}
