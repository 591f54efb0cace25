using System.Globalization;
using System.Text;

namespace ContractBridge.Contracts;

/// <summary>
/// What a search for contracts looks for: the lead id (exact), the IC number and the deal's name (both by prefix). Prefixes,
/// not substrings, because a prefix is one range of an ordinary ordered index on SQLite and PostgreSQL alike, so a search
/// reads only what it returns among a million links; a substring would need a trigram index (pg_trgm, an extension, and
/// SQLite's FTS5), different on each and not always installed. Names match case-insensitively through a folded key the store
/// writes beside the name (<see cref="NameKey"/>), compared in byte order; IC numbers are compared upper-case, and digits
/// alone also look for the IC number "IC-" followed by them.
/// </summary>
public sealed record ContractLinkSearch(long? LeadId, string NumberFrom, string NumberTo, string NameFrom, string NameTo)
{
    public const string IroncladNumberPrefix = "IC-";

    /// <summary>
    /// The search for <paramref name="query"/>, or null for one that finds nothing: blank, or made of the last code point
    /// alone (no range ends after it).
    /// </summary>
    public static ContractLinkSearch? For(string query)
    {
        var text = query.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var leadId = text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var number = leadId is null ? text.ToUpperInvariant() : IroncladNumberPrefix + text;
        var name = NameKey(text)!;
        return PrefixEnd(number) is { } numberTo && PrefixEnd(name) is { } nameTo
            ? new ContractLinkSearch(leadId, number, numberTo, name, nameTo)
            : null;
    }

    /// <summary>The key a deal's name is searched by: folded to lower case (invariant culture), null for no name.</summary>
    public static string? NameKey(string? dealName) => dealName?.ToLowerInvariant();

    /// <summary>
    /// The least string after every string that begins with <paramref name="prefix"/>, in code point order (SQLite's binary
    /// collation and PostgreSQL's "C" on UTF-8 both are): its last code point plus one. Null when there is none.
    /// </summary>
    public static string? PrefixEnd(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last < 0x10FFFF)
            {
                var next = last + 1;
                runes.Add(new Rune(next is >= 0xD800 and <= 0xDFFF ? 0xE000 : next));
                var end = new StringBuilder();
                runes.ForEach(r => end.Append(r.ToString()));
                return end.ToString();
            }
        }

        return null;
    }
}
