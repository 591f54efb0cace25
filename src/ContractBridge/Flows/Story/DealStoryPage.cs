using ContractBridge.Contracts;
using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows.Story;

/// <summary>
/// A page of a deal's story, each list newest first. A list that filled its page has a cursor for the next page (its last
/// id: pass it as that list's <c>before</c>); null when it is complete.
/// </summary>
/// <param name="DealName">The name the newest contract recorded; null when none did (or the deal has no contract).</param>
/// <param name="DealUrl">The deal in Kommo; null when the Kommo account's address is not configured.</param>
public sealed record DealStoryPage(
    long LeadId,
    string? DealName,
    string? DealUrl,
    IReadOnlyList<DealStoryContract> Contracts,
    IReadOnlyList<ContractStateChange> States,
    IReadOnlyList<DealStoryJob> Jobs,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<DealWrite> Writes,
    long? StatesBefore,
    long? JobsBefore,
    long? EventsBefore,
    long? WritesBefore)
{
    /// <summary>Nothing at all is known of the deal on this page.</summary>
    public bool IsEmpty => Contracts.Count == 0 && States.Count == 0 && Jobs.Count == 0 && Events.Count == 0 && Writes.Count == 0;

    /// <summary>Every list is complete: no page is older.</summary>
    public bool IsLast => StatesBefore is null && JobsBefore is null && EventsBefore is null && WritesBefore is null;
}
