using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Intake;

/// <summary>
/// An event as received from a sender (a webhook), with the jobs it starts. Stored in one transaction with its jobs,
/// or not at all; a second event with the same <see cref="DedupeKey"/> stores nothing.
/// </summary>
/// <param name="Source">Who sent it, e.g. "github".</param>
/// <param name="DedupeKey">Unique per real-world event (the sender's event id, or a hash of the body when it gives none).</param>
/// <param name="Summary">One human line for the dashboard ("order 123 → shipped"). Never holds secrets.</param>
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
