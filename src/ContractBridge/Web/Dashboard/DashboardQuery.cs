using System.Globalization;

namespace ContractBridge.Web.Dashboard;

/// <summary>The query-string numbers the contract and deal pages read: a page size, and the ids their "older" links carry.</summary>
internal static class DashboardQuery
{
    public const int MostRows = 1000;

    public static string BadLimit => $"limit must be a whole number from 1 to {MostRows.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>The page size <paramref name="text"/> asks for (<paramref name="defaultRows"/> when absent), null when it is not one.</summary>
    public static int? Limit(string? text, int defaultRows) =>
        text is null ? defaultRows
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows is >= 1 and <= MostRows ? rows
        : null;

    /// <summary>
    /// The id an "older" link carries (<paramref name="absent"/> when there is none), or null when <paramref name="text"/> is
    /// not a whole number of zero or more.
    /// </summary>
    public static long? Id(string? text, long absent) =>
        text is null ? absent
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : null;
}
