using System.Globalization;

namespace ContractBridge.Flows.Preview;

/// <summary>A lead id as a person types it (the CLI's argument, the preview route's segment): a Kommo lead's number, or a sentence saying it is not one.</summary>
public static class LeadIdText
{
    public static long? Parse(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public static string NotALeadId(string? text) =>
        $"The lead id must be a Kommo lead's number (as in …/leads/detail/12345); '{text}' is not one.";
}
