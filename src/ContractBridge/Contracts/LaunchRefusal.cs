namespace ContractBridge.Contracts;

/// <summary>
/// A deal whose launch was refused for a reason a person must fix (no email, a mapping Ironclad refuses): the deal got
/// its note. Kept so the Kommo-side reconciler does not launch (and note) it again until the deal has changed.
/// </summary>
/// <param name="LeadUpdatedAt">The deal's updated_at in Kommo (unix seconds) as the refused launch read it; null when Kommo gave none.</param>
public sealed record LaunchRefusal(long LeadId, string RuleName, long? LeadUpdatedAt, DateTimeOffset RefusedAt)
{
    /// <summary>True when the deal, as read now, has not changed since the refusal: launching it again would only repeat the note.</summary>
    public bool StillApplies(long? leadUpdatedAtNow) =>
        leadUpdatedAtNow is null || (LeadUpdatedAt is { } then && leadUpdatedAtNow <= then);
}
