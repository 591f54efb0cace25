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
    long? StatesBefore,
    long? JobsBefore,
    long? EventsBefore);
