namespace ContractBridge.Flows.Preview;

/// <summary>What a preview found: a report, or why there is none (no such lead, no such rule).</summary>
public abstract record PreviewOutcome
{
    private PreviewOutcome()
    {
    }

    public sealed record Previewed(DealPreviewReport Report) : PreviewOutcome;

    /// <summary>Kommo has no lead with this id (it answered 204): deleted, or of another account.</summary>
    public sealed record LeadNotFound(long LeadId) : PreviewOutcome
    {
        public string Message => $"Kommo has no lead {LeadId} (deleted, or in another account).";
    }

    /// <summary>The rule named to preview is not configured.</summary>
    public sealed record UnknownRule(string Name, IReadOnlyList<string> Rules) : PreviewOutcome
    {
        public string Message => Rules.Count == 0
            ? $"There is no rule named '{Name}': no rules are configured."
            : $"There is no rule named '{Name}'; the rules are: {string.Join(", ", Rules)}.";
    }
}
