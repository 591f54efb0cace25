using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Intake;

/// <summary>
/// An event as received from Kommo or Ironclad, with the jobs it starts. Stored in one transaction with its jobs,
/// or not at all; a second event with the same <see cref="DedupeKey"/> stores nothing.
/// </summary>
/// <param name="Source">"kommo" or "ironclad".</param>
/// <param name="DedupeKey">Unique per real-world event (Ironclad's event id; a hash of a Kommo body).</param>
/// <param name="Summary">One human line for the dashboard ("lead 123 → status 456"). Never holds secrets.</param>
/// <param name="Payload">The body as received (text), kept for audit and replay.</param>
public sealed record InboundEvent(
    string Source,
    string DedupeKey,
    string Summary,
    string ContentType,
    string Payload,
    IReadOnlyList<NewJob> Jobs);

public enum IngestOutcome
{
    Stored,
    Duplicate,
}
