using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Applies a validated <see cref="LeadTagChange"/> to a lead, creating the account's tags it names by a new name (tag
/// names are matched case-insensitively, as Kommo shows one tag for "VIP" and "vip"). Replace first, then delete, then add.
/// </summary>
internal static class LeadTags
{
    public static bool Apply(KommoLead lead, LeadTagChange change, KommoAccountData data)
    {
        if (change.IsNone)
        {
            return false;
        }

        var before = lead.TagIds.ToList();
        if (change.Replace is { } replace)
        {
            lead.TagIds.Clear();
            AddAll(lead, replace, data);
        }

        foreach (var reference in change.Delete)
        {
            if (Find(reference, data) is { } tag)
            {
                lead.TagIds.Remove(tag.Id);
            }
        }

        AddAll(lead, change.Add, data);
        return !before.SequenceEqual(lead.TagIds);
    }

    public static IEnumerable<KommoTag> Of(KommoLead lead, KommoAccountData data) =>
        lead.TagIds.Select(id => data.Tags.GetValueOrDefault(id)).OfType<KommoTag>();

    private static void AddAll(KommoLead lead, IEnumerable<TagReference> references, KommoAccountData data)
    {
        foreach (var reference in references)
        {
            var tag = Find(reference, data) ?? Create(reference.Name!, data);
            if (!lead.TagIds.Contains(tag.Id))
            {
                lead.TagIds.Add(tag.Id);
            }
        }
    }

    private static KommoTag? Find(TagReference reference, KommoAccountData data) => reference.Id is { } id
        ? data.Tags.GetValueOrDefault(id)
        : data.Tags.Values.FirstOrDefault(t => string.Equals(t.Name, reference.Name, StringComparison.OrdinalIgnoreCase));

    private static KommoTag Create(string name, KommoAccountData data)
    {
        var tag = new KommoTag(data.Ids.NextTag(), name);
        data.Tags[tag.Id] = tag;
        return tag;
    }
}
