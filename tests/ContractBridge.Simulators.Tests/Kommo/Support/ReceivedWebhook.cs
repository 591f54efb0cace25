namespace ContractBridge.Simulators.Tests.Kommo.Support;

/// <summary>A webhook as the receiver saw it: content type, the raw body, and its fields decoded in order.</summary>
public sealed record ReceivedWebhook(string? ContentType, string Body, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string this[string key] => Fields.Single(f => f.Key == key).Value;

    public bool Has(string key) => Fields.Any(f => f.Key == key);

    /// <summary>The distinct indexes used under <c>leads[action]</c>, e.g. 0, 1, 2.</summary>
    public IReadOnlyList<int> LeadIndexes(string action) => Fields
        .Select(f => f.Key)
        .Where(k => k.StartsWith($"leads[{action}][", StringComparison.Ordinal))
        .Select(k => int.Parse(k.AsSpan($"leads[{action}][".Length, k.IndexOf(']', $"leads[{action}][".Length) - $"leads[{action}][".Length), System.Globalization.CultureInfo.InvariantCulture))
        .Distinct()
        .Order()
        .ToList();
}
