using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>New values for one field; null values clear the field (Kommo: <c>"values": null</c>).</summary>
internal sealed record CustomFieldValueChange(long FieldId, IReadOnlyList<CustomFieldValueItem>? Values)
{
    /// <summary>Replaces the values of the changed fields and leaves the others, as a Kommo PATCH does.</summary>
    public static bool ApplyAll(List<CustomFieldValue> target, IEnumerable<CustomFieldValueChange> changes)
    {
        var changed = false;
        foreach (var change in changes)
        {
            var index = target.FindIndex(v => v.FieldId == change.FieldId);
            var before = index >= 0 ? target[index] : null;
            if (change.Values is null || change.Values.Count == 0)
            {
                if (index >= 0)
                {
                    target.RemoveAt(index);
                    changed = true;
                }

                continue;
            }

            var after = new CustomFieldValue(change.FieldId, change.Values);
            changed |= before is null || !SameValues(before, after);
            if (index >= 0)
            {
                target[index] = after;
            }
            else
            {
                target.Add(after);
            }
        }

        return changed;
    }

    private static bool SameValues(CustomFieldValue a, CustomFieldValue b) =>
        a.Values.Count == b.Values.Count
        && a.Values.Zip(b.Values).All(p => p.First.EnumId == p.Second.EnumId
            && System.Text.Json.Nodes.JsonNode.DeepEquals(p.First.Value, p.Second.Value));
}
