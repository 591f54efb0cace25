using System.Globalization;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// The query of a Kommo list call: <c>page</c>, <c>limit</c> (at most 250, default 50), <c>with</c> (comma list) and
/// <c>filter[...]</c> values, in every spelling clients use: <c>filter[id]=1</c>, <c>filter[id][]=1</c>,
/// <c>filter[id][0]=1</c> (PHP's http_build_query), and comma lists.
/// </summary>
internal sealed class ListQuery
{
    public const int MaxLimit = 250;
    public const int DefaultLimit = 50;

    private ListQuery(IQueryCollection query, int page, int limit)
    {
        Query = query;
        Page = page;
        Limit = limit;
        With = ParseWith(query);
    }

    public IQueryCollection Query { get; }

    public int Page { get; }

    public int Limit { get; }

    public ISet<string> With { get; }

    /// <summary>Parses page and limit; returns the problem detail instead when they are out of range.</summary>
    /// <param name="maxLimit">The endpoint's largest page: 250 for entities, 100 for the event feed.</param>
    public static (ListQuery? Query, string? Problem) Parse(IQueryCollection query, int maxLimit = MaxLimit)
    {
        var page = 1;
        var limit = DefaultLimit;
        if (query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return (null, "page must be a positive integer");
        }

        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            return (null, $"limit must be between 1 and {maxLimit}");
        }

        return (new ListQuery(query, page, Math.Min(limit, maxLimit)), null);
    }

    public static ISet<string> ParseWith(IQueryCollection query)
    {
        var with = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in query["with"])
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                with.Add(part);
            }
        }

        return with;
    }

    /// <summary>Every value given for <c>filter[name]</c>; null when the filter is absent, so "no filter" differs from "empty".</summary>
    public IReadOnlyList<string>? FilterValues(string name)
    {
        var exact = $"filter[{name}]";
        var prefix = exact + "[";
        List<string>? values = null;
        foreach (var (key, raw) in Query)
        {
            if (!string.Equals(key, exact, StringComparison.Ordinal) && !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            values ??= [];
            foreach (var value in raw)
            {
                values.AddRange((value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return values;
    }

    /// <summary>
    /// The ids given for <c>filter[name]</c>: null when absent; ids that are not numbers match nothing, as an unknown id would.
    /// </summary>
    public ISet<long>? FilterIds(string name)
    {
        var values = FilterValues(name);
        if (values is null)
        {
            return null;
        }

        var ids = new HashSet<long>();
        foreach (var value in values)
        {
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public IReadOnlyList<T> PageOf<T>(IEnumerable<T> items, out bool hasMore)
    {
        var page = items.Skip((Page - 1) * Limit).Take(Limit + 1).ToList();
        hasMore = page.Count > Limit;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        return page;
    }
}
