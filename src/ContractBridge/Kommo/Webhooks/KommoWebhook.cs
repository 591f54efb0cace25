namespace ContractBridge.Kommo.Webhooks;

/// <summary>A parsed Kommo webhook: every lead change and lead note in it, and the account it came from when Kommo said.</summary>
/// <param name="DedupeKey">
/// The hash of the body: Kommo sends no event id, and a redelivery repeats the same bytes, so the same body is the same
/// event.
/// </param>
/// <param name="Notes">Notes added to leads (<c>leads[note]</c>, note_lead); null when the body holds none.</param>
public sealed record KommoWebhook(IReadOnlyList<KommoLeadChange> Leads, string? AccountSubdomain, long? AccountId, string DedupeKey, IReadOnlyList<KommoLeadNote>? Notes = null)
{
    public IReadOnlyList<KommoLeadNote> NotesAdded => Notes ?? [];

    /// <summary>Contacts and companies that changed (<c>contacts[update]</c>, <c>companies[update]</c>, …), in body order.</summary>
    public IReadOnlyList<KommoEntityChange> Entities { get; init; } = [];
}
