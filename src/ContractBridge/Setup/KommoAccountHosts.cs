namespace ContractBridge.Setup;

/// <summary>
/// Which account an OAuth callback's <c>referer</c> names, and where its code is exchanged: only hosts the
/// configuration allows (<see cref="Configuration.KommoOptions.AccountHosts"/>), so a forged callback cannot make the
/// bridge send its client secret elsewhere.
/// </summary>
public static class KommoAccountHosts
{
    /// <summary>The account's origin (https://acme.kommo.com), or null when <paramref name="referer"/> is not an allowed host.</summary>
    public static Uri? Origin(string? referer, IEnumerable<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(referer) || referer.Contains('/', StringComparison.Ordinal) || referer.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var pattern in allowed)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                var suffix = pattern[1..];
                var label = referer.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? referer[..^suffix.Length] : null;
                if (label is { Length: > 0 } && !label.Contains('.', StringComparison.Ordinal) && !label.Contains(':', StringComparison.Ordinal))
                {
                    return new Uri($"https://{referer.ToLowerInvariant()}/");
                }
            }
            else if (Uri.TryCreate(pattern, UriKind.Absolute, out var origin) && string.Equals(origin.Authority, referer, StringComparison.OrdinalIgnoreCase))
            {
                return new Uri(origin.GetLeftPart(UriPartial.Authority) + "/");
            }
        }

        return null;
    }
}
