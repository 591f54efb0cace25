using ContractBridge.Configuration;
using ContractBridge.Flows.Mapping;

namespace ContractBridge.Flows.Writeback;

/// <summary>
/// The deal's fields the bridge writes (<see cref="WritebackOptions"/>) are the contract's, not the rep's: a deal read
/// for its edits is seen without them, so the update_lead webhook of the bridge's own writeback is no edit, and a
/// mapping that reads one of them (<c>lead.cf[…]</c>) reads what the deal held before the bridge wrote it: nothing.
/// </summary>
public static class BridgeOwnedFields
{
    public static DealSnapshot Without(DealSnapshot deal, WritebackOptions options)
    {
        var owned = options.Fields.Select(f => f.Reference).ToList();
        if (owned.Count == 0 || deal.Lead.CustomFieldsValues is not { } values)
        {
            return deal;
        }

        var kept = values.Where(v => !owned.Any(reference => WritebackFields.Names(reference, v))).ToList();
        return kept.Count == values.Count ? deal : deal with { Lead = deal.Lead with { CustomFieldsValues = kept.Count == 0 ? null : kept } };
    }
}
