using ContractBridge.Configuration;

namespace ContractBridge.Flows.Writeback;

/// <summary>Kommo's custom field types, as Kommo spells them, and which of them can hold which contract fact.</summary>
public static class KommoFieldTypes
{
    public const string Text = "text";
    public const string Textarea = "textarea";
    public const string Url = "url";
    public const string Numeric = "numeric";
    public const string Date = "date";
    public const string DateTime = "date_time";
    public const string Select = "select";
    public const string Radiobutton = "radiobutton";

    public static bool IsChoice(string? type) => type is Select or Radiobutton;

    /// <summary>The types a fact can be written to: text always; the number also numeric (its digits), the link url, the state a choice, dates a date.</summary>
    public static IReadOnlyList<string> For(WritebackFact fact) => fact switch
    {
        WritebackFact.ContractNumber => [Text, Textarea, Numeric],
        WritebackFact.ContractUrl => [Url, Text, Textarea],
        WritebackFact.ContractState => [Select, Radiobutton, Text, Textarea],
        _ => [Date, DateTime, Text, Textarea],
    };

    public static bool Accepts(WritebackFact fact, string? type) => type is not null && For(fact).Contains(type);
}
