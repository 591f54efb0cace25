using System.Globalization;

namespace ContractBridge.Contracts;

/// <summary>
/// Where a page of a contract search resumes: after the link <paramref name="Id"/> of one of the search's three arms (0 the
/// lead, 1 the IC number, 2 the deal's name), whose key in that arm's index order was <paramref name="Key"/> (the IC number
/// or the folded name; none for the lead arm, which runs newest first). Written as "arm:id:key" for a page's "more" link.
/// </summary>
public sealed record ContractSearchCursor(int Arm, long Id, string Key)
{
    public const int LeadArm = 0;
    public const int NumberArm = 1;
    public const int NameArm = 2;

    public override string ToString() => $"{Arm.ToString(CultureInfo.InvariantCulture)}:{Id.ToString(CultureInfo.InvariantCulture)}:{Key}";

    /// <summary>The cursor <paramref name="text"/> writes, or null for text no page wrote.</summary>
    public static ContractSearchCursor? Parse(string text)
    {
        var parts = text.Split(':', 3);
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var arm) && arm is >= LeadArm and <= NameArm
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && (arm == LeadArm ? parts[2].Length == 0 : parts[2].Length > 0)
            ? new ContractSearchCursor(arm, id, parts[2])
            : null;
    }
}
