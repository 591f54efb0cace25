using System.Globalization;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// Kommo's filters that are not lists of ids: lists of objects (<c>filter[statuses][0][pipeline_id]=7&amp;filter[statuses][0][status_id]=61</c>,
/// PHP's http_build_query form) and time ranges (<c>filter[updated_at][from]=…&amp;filter[updated_at][to]=…</c>, or one
/// timestamp meaning "from").
/// </summary>
internal static class StructuredFilters
{
    /// <summary>
    /// The objects under <paramref name="prefix"/> (e.g. <c>filter[statuses]</c>), by index, each as field → number; null
    /// when the filter is absent. A field that is not a number makes its object match nothing (it is dropped).
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, long>>? Objects(IQueryCollection query, string prefix)
    {
        var open = prefix + "[";
        SortedDictionary<int, Dictionary<string, long>>? objects = null;
        var broken = new HashSet<int>();
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith(open, StringComparison.Ordinal))
            {
                continue;
            }

            // The rest reads "{index}][{field}]".
            var rest = key.AsSpan(open.Length);
            var close = rest.IndexOf(']');
            if (close <= 0 || !int.TryParse(rest[..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || !rest[(close + 1)..].StartsWith("[") || !rest.EndsWith("]"))
            {
                continue;
            }

            var field = rest[(close + 2)..^1].ToString();
            objects ??= [];
            if (!objects.TryGetValue(index, out var fields))
            {
                objects[index] = fields = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            if (long.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                fields[field] = number;
            }
            else
            {
                broken.Add(index);
            }
        }

        return objects?.Where(o => !broken.Contains(o.Key)).Select(o => (IReadOnlyDictionary<string, long>)o.Value).ToList();
    }

    /// <summary>
    /// The range given for <paramref name="name"/> (<c>filter[name][from]</c>, <c>filter[name][to]</c>, both inclusive,
    /// or <c>filter[name]=ts</c> for "from"); null when absent. Returns the problem instead when a bound is not a number.
    /// </summary>
    public static (TimeRange? Range, string? Problem) Range(IQueryCollection query, string name)
    {
        var exact = $"filter[{name}]";
        long? from = null;
        long? to = null;
        foreach (var (key, suffix) in new[] { (exact, "from"), (exact + "[from]", "from"), (exact + "[to]", "to") })
        {
            if (!query.TryGetValue(key, out var text))
            {
                continue;
            }

            if (!long.TryParse(text.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return (null, $"{key} must be a unix timestamp");
            }

            if (suffix == "from")
            {
                from = value;
            }
            else
            {
                to = value;
            }
        }

        return (from is null && to is null ? null : new TimeRange(from, to), null);
    }
}
