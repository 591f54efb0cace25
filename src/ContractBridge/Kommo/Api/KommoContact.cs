namespace ContractBridge.Kommo.Api;

/// <summary>A contact. EMAIL and PHONE are multitext custom fields with enum codes (WORK, PRIV, MOB, ...).</summary>
public sealed record KommoContact(
    long Id,
    string? Name,
    string? FirstName,
    string? LastName,
    IReadOnlyList<KommoCustomFieldValue>? CustomFieldsValues)
{
    /// <summary>The WORK email first, else the first email there is.</summary>
    public string? Email => PreferWork("EMAIL");

    public string? Phone => PreferWork("PHONE");

    private string? PreferWork(string code)
    {
        var values = CustomFieldsValues?
            .Where(f => string.Equals(f.FieldCode, code, StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => f.Values ?? [])
            .Where(v => !string.IsNullOrWhiteSpace(v.AsText()))
            .ToList() ?? [];
        var chosen = values.FirstOrDefault(v => string.Equals(v.EnumCode, "WORK", StringComparison.OrdinalIgnoreCase)) ?? values.FirstOrDefault();
        return chosen?.AsText()?.Trim();
    }
}
