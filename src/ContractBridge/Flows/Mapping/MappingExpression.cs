using System.Globalization;
using System.Text;

namespace ContractBridge.Flows.Mapping;

/// <summary>
/// A parsed mapping expression: terms tried left to right, the first with a value wins
/// (<c>company.name ?? contact.name</c>). Terms are deal fields (<see cref="KnownFields"/>), custom fields
/// (<c>lead.cf[123]</c>, <c>contact.cf[CODE]</c>, <c>company.cf[..]</c>), or constants (<c>'text'</c>, numbers,
/// <c>true</c>/<c>false</c>, <c>today</c>, <c>today+30d</c>).
/// </summary>
public sealed record MappingExpression(string Text, IReadOnlyList<MappingSource> Terms)
{
    public static MappingExpression Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("A mapping expression is empty.");
        }

        var terms = SplitTerms(text).Select(ParseTerm).ToList();
        return new MappingExpression(text.Trim(), terms);
    }

    public static bool TryParse(string text, out MappingExpression? expression, out string? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            expression = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Splits on <c>??</c> outside quotes.</summary>
    private static IEnumerable<string> SplitTerms(string text)
    {
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                if (quoted && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    // '' inside quotes is an escaped quote; kept as is, ParseTerm unescapes it.
                    current.Append("''");
                    i++;
                    continue;
                }

                quoted = !quoted;
            }
            else if (!quoted && c == '?' && i + 1 < text.Length && text[i + 1] == '?')
            {
                yield return current.ToString();
                current.Clear();
                i++;
                continue;
            }

            current.Append(c);
        }

        if (quoted)
        {
            throw new FormatException($"The mapping '{text}' has an unclosed quote.");
        }

        yield return current.ToString();
    }

    private static MappingSource ParseTerm(string raw)
    {
        var term = raw.Trim();
        if (term.Length == 0)
        {
            throw new FormatException("A mapping has an empty term around '??'.");
        }

        if (term.StartsWith('\''))
        {
            if (term.Length < 2 || !term.EndsWith('\''))
            {
                throw new FormatException($"The constant {term} must be one quoted string.");
            }

            return new MappingSource.Constant(term, new SourceValue.Text(term[1..^1].Replace("''", "'", StringComparison.Ordinal)));
        }

        if (decimal.TryParse(term, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return new MappingSource.Constant(term, new SourceValue.Number(number));
        }

        if (bool.TryParse(term, out var flag))
        {
            return new MappingSource.Constant(term, new SourceValue.Flag(flag));
        }

        if (term.StartsWith("today", StringComparison.OrdinalIgnoreCase))
        {
            return ParseToday(term);
        }

        var customField = term.IndexOf(".cf[", StringComparison.OrdinalIgnoreCase);
        if (customField > 0)
        {
            var entity = term[..customField].ToLowerInvariant();
            if (entity is not ("lead" or "contact" or "company") || !term.EndsWith(']') || term.Length - customField - 5 <= 0)
            {
                throw new FormatException($"'{term}' is not a custom field: write lead.cf[<field id or code>], contact.cf[...] or company.cf[...].");
            }

            return new MappingSource.CustomField(term, entity, term[(customField + 4)..^1].Trim());
        }

        return KnownFields.All.TryGetValue(term, out var field)
            ? field
            : throw new FormatException($"'{term}' is not a known source. Use one of {string.Join(", ", KnownFields.All.Keys)}, a custom field (lead.cf[id or code]), a quoted constant, a number, true/false or today[+Nd].");
    }

    private static MappingSource.Today ParseToday(string term)
    {
        var rest = term[5..].Replace(" ", string.Empty, StringComparison.Ordinal);
        if (rest.Length == 0)
        {
            return new MappingSource.Today(term, 0);
        }

        if ((rest[0] is '+' or '-') && rest.EndsWith('d')
            && int.TryParse(rest[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3650)
        {
            return new MappingSource.Today(term, rest[0] == '-' ? -days : days);
        }

        throw new FormatException($"'{term}' is not a date: write today, today+30d or today-7d.");
    }
}
