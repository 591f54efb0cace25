namespace ContractBridge.Configuration;

/// <summary>What cannot work in the <c>Writeback</c> section: a state name that is none, one field named for two facts.</summary>
public static class WritebackOptionsProblems
{
    public static IEnumerable<string> Of(WritebackOptions writeback)
    {
        var states = string.Join(", ", WritebackOptions.States);
        foreach (var (section, map) in new[] { ("StateLabels", writeback.StateLabels), ("Tags", writeback.Tags) })
        {
            foreach (var key in map.Keys.Where(k => !WritebackOptions.States.Any(s => string.Equals(s.ToString(), k, StringComparison.OrdinalIgnoreCase))))
            {
                yield return $"Writeback:{section}:{key} names no contract state; use one of {states}.";
            }
        }

        foreach (var shared in writeback.Fields.GroupBy(f => f.Reference, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"{string.Join(" and ", shared.Select(f => f.Setting))} name the same Kommo field '{shared.Key}': give each its own field.";
        }
    }
}
